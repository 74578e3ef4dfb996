"""A resident erasing their account (DELETE /v1/me) meets a legal hold (UK GDPR Art. 17(3)(e): erasure does not
reach what is needed for a legal claim): each held record (a report, a repair, a chat) stays whole, everything
else of theirs goes as before, and the answer says, in the catalogue's words, what is kept and until when. A hold
on the account itself keeps the account, signed out; a hold placed as the erasure runs is kept, never erased
beneath it. A held payment stays as every payment does (finance's record)."""
import pytest

from conftest import pothole
from support.councils_support import YORK_HOST, at, put
from support.retention_support import closed_chat, closed_repair, paid, utc, york_keeping

HOLDS = "/v1/admin/retention/holds"
STARTED, CLOSED = utc(2025, 1, 10, 9), utc(2025, 1, 10, 10)


@pytest.fixture
def admin(deps, people):
    york_keeping(deps)
    return at(YORK_HOST, people("admin", email="ann@york.example.gov.uk").auth)


def _held(client, admin, kind, record_id):
    answer = put(client, f"{HOLDS}/{kind}/{record_id}", {"reason": "Claim CL-88 about a fall"}, admin)
    assert answer.status_code == 200, answer.json_body


def _report(client, person):
    made = client.post("/v1/reports", pothole(), at(YORK_HOST, person.auth))
    assert made.status_code == 201, made.json_body
    return made.json_body["id"]


def test_deleting_my_account_keeps_each_held_record_whole_erases_the_rest_and_says_what_and_until_when(
        client, deps, people, admin):
    from chalicelib.handlers.accounts import wording
    gus = people("resident", email="gus@example.org", name="Gus Resident")
    chats = [closed_chat(deps, STARTED, CLOSED, user_id=gus.user.id) for _ in range(3)]
    reports = [_report(client, gus) for _ in range(2)]
    repairs = [closed_repair(deps, STARTED, CLOSED, user_id=gus.user.id) for _ in range(2)]
    payment = paid(deps, STARTED, CLOSED)
    for kind, record_id in (("chats", chats[0]), ("chats", chats[1]), ("reports", reports[0]),
                            ("repairs", repairs[0]), ("payments", payment)):
        _held(client, admin, kind, record_id)
    answer = client.raw.http.delete("/v1/me", headers=at(YORK_HOST, gus.auth))
    assert answer.status_code == 200, answer.body
    said = answer.json_body
    assert sorted((k["kind"], k["id"]) for k in said["kept"]) == sorted(
        [("chats", chats[0]), ("chats", chats[1]), ("reports", reports[0]), ("repairs", repairs[0])])
    what = wording.AND.join([wording.HELD_KINDS["reports"][0], wording.HELD_KINDS["chats"][1].format(n=2),
                             wording.HELD_KINDS["repairs"][0]])
    assert said["message"] == wording.KEPT_UNDER_A_HOLD.format(council=deps.council.short_name, what=what)
    assert "until the council releases the hold" in said["message"]
    # What is held stays as it was: its words, its person.
    for chat in chats[:2]:
        assert deps.conversations.get(chat) is not None and deps.conversations.messages(chat) != []
    assert deps.reports.get(reports[0]).user_id == gus.user.id and deps.reports.get(reports[0]).contact
    assert deps.repairs.get(repairs[0]).contact and deps.repairs.get(repairs[0]).user_id == gus.user.id
    assert deps.payments.get(payment).email == "ada@example.org"
    # The rest goes as before.
    assert deps.conversations.get(chats[2]) is None
    assert deps.reports.get(reports[1]).user_id is None and deps.reports.get(reports[1]).contact == {}
    assert deps.repairs.get(repairs[1]).user_id == f"erased#{repairs[1]}" and not deps.repairs.get(repairs[1]).contact
    assert deps.accounts.user(gus.user.id) is None
    assert client.get("/v1/me", at(YORK_HOST, gus.auth)).status_code == 401


def test_deleting_an_account_with_nothing_held_answers_204_as_before(client, deps, people, admin):
    gus = people("resident", email="gus@example.org")
    chat = closed_chat(deps, STARTED, CLOSED, user_id=gus.user.id)
    assert client.raw.http.delete("/v1/me", headers=at(YORK_HOST, gus.auth)).status_code == 204
    assert deps.conversations.get(chat) is None and deps.accounts.user(gus.user.id) is None


def test_a_held_account_is_kept_signed_out_and_its_other_data_goes(client, deps, people, admin):
    from chalicelib.handlers.accounts import wording
    gus = people("resident", email="gus@example.org", name="Gus Resident")
    chat = closed_chat(deps, STARTED, CLOSED, user_id=gus.user.id)
    _held(client, admin, "accounts", gus.user.id)
    answer = client.raw.http.delete("/v1/me", headers=at(YORK_HOST, gus.auth))
    assert answer.status_code == 200, answer.body
    assert answer.json_body == {"kept": [{"kind": "accounts", "id": gus.user.id}], "message": (
        wording.ACCOUNT_KEPT_UNDER_A_HOLD.format(council=deps.council.short_name, what=wording.HELD_KINDS["accounts"][0]))}
    assert deps.accounts.user(gus.user.id) is not None and deps.presence.get(gus.user.id).hold is not None
    assert client.get("/v1/me", at(YORK_HOST, gus.auth)).status_code == 401  # signed out
    assert deps.conversations.get(chat) is None  # not held itself: gone


def test_a_hold_placed_on_a_chat_as_my_erasure_reads_it_keeps_it(client, deps, people, admin, monkeypatch):
    from chalicelib.storage.conversations.conversations import ConversationStore
    gus = people("resident", email="gus@example.org")
    chat = closed_chat(deps, STARTED, CLOSED, user_id=gus.user.id)
    real = ConversationStore.of_user

    def read_then_held(self, user_id, limit=200):
        found = real(self, user_id, limit)
        assert self.hold(chat, {"reason": "Complaint CX-204", "by": "ann@york.example.gov.uk", "at": "2026-01-01"})
        return found
    monkeypatch.setattr(ConversationStore, "of_user", read_then_held)
    answer = client.raw.http.delete("/v1/me", headers=at(YORK_HOST, gus.auth))
    assert answer.status_code == 200, answer.body
    assert answer.json_body["kept"] == [{"kind": "chats", "id": chat}]
    assert deps.conversations.get(chat).hold["reason"] == "Complaint CX-204"
    assert deps.conversations.messages(chat) != []


def test_a_hold_placed_on_a_repair_from_a_read_before_my_erasure_does_not_put_me_back(
        client, deps, people, admin, monkeypatch):
    """The hold's save of the whole repair, read before the erasure wrote, must not restore the tenant."""
    from chalicelib.handlers.retention import holds
    gus = people("resident", email="gus@example.org")
    rid = closed_repair(deps, STARTED, CLOSED, user_id=gus.user.id)
    real, erased = holds._repair_changed, []

    def erasure_between_read_and_save(deps_, repair, *rest):
        if not erased:  # the officer's hold read the repair; the resident's erasure lands before its save
            erased.append(client.raw.http.delete("/v1/me", headers=at(YORK_HOST, gus.auth)).status_code)
        return real(deps_, repair, *rest)
    monkeypatch.setitem(holds.CHANGED, "repairs", erasure_between_read_and_save)
    _held(client, admin, "repairs", rid)
    assert erased == [204]
    kept = deps.repairs.get(rid)
    assert kept.hold is not None and kept.user_id == f"erased#{rid}" and not kept.contact and not kept.access
