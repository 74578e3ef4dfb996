"""A legal hold is never lost to what runs beside it: a hold placed after the sweep read a chat keeps the chat
(the sweep's erasure is conditioned on no hold, and a hold on a chat whose erasure has begun is refused), and
one placed after it read a report or a repair keeps their photos, notes and people (its first write, before
anything goes, is conditioned on the version read and no hold; a hold after it is refused); two
administrators holding one account at once: the first stands and the other is told (409); an account the sweep
is removing cannot be held half way; and lifting a hold on a chat, a payment or an account leaves an audit line
saying who lifted it and what the hold was, as a report's and a repair's do."""
import pytest

from support.councils_support import YORK_HOST, at, put
from support.racing import Rounds, at_once
from support.retention_support import closed_chat, paid, sweep_at, utc, york_keeping

NOW = utc(2026, 6, 15, 3, 45)
HOLDS = "/v1/admin/retention/holds"
HOLD = {"reason": "Complaint CX-204 about this chat", "by": "ann@york.example.gov.uk", "at": "2026-06-15T03:45:00Z"}


@pytest.fixture
def admin(deps, people):
    york_keeping(deps, months=12, chats=6, payments=12, repairs=12)
    return people("admin", email="ann@york.example.gov.uk")


def test_a_hold_placed_after_the_sweep_read_a_chat_keeps_it_whole(deps, admin, monkeypatch):
    from chalicelib.storage.conversations.conversations import ConversationStore
    chat = closed_chat(deps, utc(2025, 1, 10, 9), utc(2025, 1, 10, 10))
    real, placed = ConversationStore.get, []

    def read_then_held(self, conversation_id):
        found = real(self, conversation_id)
        if not placed:  # the officer's hold lands between the sweep's read and its erasure
            placed.append(self.hold(conversation_id, HOLD))
        return found
    monkeypatch.setattr(ConversationStore, "get", read_then_held)
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 0, "kept": 1}
    assert placed == [True]
    monkeypatch.setattr(ConversationStore, "get", real)
    kept = deps.conversations.get(chat)
    assert kept is not None and kept.hold == HOLD
    assert [m.text for m in deps.conversations.messages(chat)] == ["My bin was not emptied."]


def test_a_hold_answered_while_the_sweep_erases_a_chat_it_read_at_the_same_moment_keeps_it(
        client, deps, admin, monkeypatch):
    import threading

    from chalicelib.handlers.conversations import erasing
    from chalicelib.storage.conversations.conversations import ConversationStore
    chat = closed_chat(deps, utc(2025, 1, 10, 9), utc(2025, 1, 10, 10))
    rounds = Rounds(monkeypatch, ConversationStore, "get", 2)  # both read it, no hold, before either writes
    answered, real_erase = threading.Event(), erasing.erase

    def erase_once_the_hold_is_answered(deps_, conversation):
        answered.wait(10)  # the order a naive erasure loses: the officer told "held", then the deletes
        return real_erase(deps_, conversation)
    monkeypatch.setattr(erasing, "erase", erase_once_the_hold_is_answered)

    def race(who):
        try:
            if who == "sweep":
                return sweep_at(deps, NOW).counts["chats"]
            return put(client, f"{HOLDS}/chats/{chat}", {"reason": "Complaint CX-204"}, at(YORK_HOST, admin.auth))
        finally:
            if who == "officer":
                answered.set()
            rounds.leave()
    swept, held = at_once(race, ["sweep", "officer"])
    monkeypatch.undo()
    assert held.status_code == 200, held.json_body
    assert swept == {"deleted": 0, "kept": 1}
    left = deps.conversations.get(chat)
    assert left is not None and left.hold["reason"] == "Complaint CX-204" and deps.conversations.messages(chat) != []


def test_two_administrators_holding_one_account_at_once_the_first_stands_and_the_other_is_told(
        client, deps, admin, people, monkeypatch):
    from chalicelib.storage.accounts.presence import PresenceStore
    gus = people("resident", email="gus@example.org")
    bea = people("admin", email="bea@york.example.gov.uk")
    rounds = Rounds(monkeypatch, PresenceStore, "get", 2)  # both read no hold before either writes

    def hold(racer):
        person, reason = racer
        return put(client, f"{HOLDS}/accounts/{gus.user.id}", {"reason": reason}, at(YORK_HOST, person.auth))
    answers = rounds.race(hold, [(admin, "Claim CL-1 about a fall"), (bea, "Subject access request SAR-9")])
    monkeypatch.undo()
    assert sorted(a.status_code for a in answers) == [200, 409], [a.json_body for a in answers]
    won = next(a for a in answers if a.status_code == 200).json_body["reason"]
    told = next(a for a in answers if a.status_code == 409).json_body["error"]["code"]
    assert told == "held_already"
    assert deps.presence.get(gus.user.id).hold["reason"] == won  # the one answered 200 is the one kept


def test_an_account_the_sweep_is_removing_cannot_be_held_half_way(client, deps, admin, people):
    from chalicelib.storage.accounts.presence import REMOVING, WARNED
    gus = people("resident", email="gus@example.org")
    row = deps.presence.get(gus.user.id)
    assert deps.presence.move(row, WARNED, NOW)
    row = deps.presence.get(gus.user.id)
    assert deps.presence.move(row, REMOVING)  # a sweep that read them, killed before it removed them
    refused = put(client, f"{HOLDS}/accounts/{gus.user.id}", {"reason": "Claim CL-1 about a fall"},
                  at(YORK_HOST, admin.auth))
    assert (refused.status_code, refused.json_body["error"]["code"]) == (409, "not_on_the_schedule")
    assert deps.presence.get(gus.user.id).hold is None


def _held_after_the_sweep_read(client, admin, monkeypatch, store, kind):
    """The officer's hold saved through the API just after the sweep's read of the record: its status."""
    real, placed, reads = store.get, [], []

    def read_then_held(self, record_id):
        found = real(self, record_id)
        reads.append(record_id)
        if len(reads) == 1:  # the sweep's read (the hold's own reads come after)
            placed.append(put(client, f"{HOLDS}/{kind}/{record_id}", {"reason": "Disrepair claim DC-3"},
                              at(YORK_HOST, admin.auth)).status_code)
        return found
    monkeypatch.setattr(store, "get", read_then_held)
    return placed


def test_a_hold_placed_after_the_sweep_read_a_repair_keeps_its_photo_and_tenant(client, deps, admin, monkeypatch):
    from chalicelib.storage.blobs import PHOTO_PREFIX
    from chalicelib.storage.repairs.repairs import RepairStore
    from support.retention_support import closed_repair
    rid = closed_repair(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10), photo="tap.jpg")
    placed = _held_after_the_sweep_read(client, admin, monkeypatch, RepairStore, "repairs")
    assert sweep_at(deps, NOW).counts["repairs"] == {"anonymised": 0, "kept": 1}
    assert placed == [200]
    monkeypatch.undo()
    kept = deps.repairs.get(rid)
    assert kept.hold["reason"] == "Disrepair claim DC-3" and kept.contact and kept.description
    assert PHOTO_PREFIX + "tap.jpg" in deps.blobs.keys(PHOTO_PREFIX)


def test_a_hold_placed_after_the_sweep_read_a_report_keeps_its_hidden_photo_and_notes(
        client, deps, people, admin, monkeypatch):
    from datetime import datetime, timedelta, timezone

    from chalicelib.storage.blobs import HIDDEN_PHOTO_PREFIX
    from chalicelib.storage.reports.report_store import ReportStore
    from support.retention_support import PHONE_NOTE, anonymised_in_full
    rid = anonymised_in_full(client, deps, people)
    placed = _held_after_the_sweep_read(client, admin, monkeypatch, ReportStore, "reports")
    assert sweep_at(deps, datetime.now(timezone.utc) + timedelta(days=400)).counts["reports"] == {
        "anonymised": 0, "kept": 1}
    assert placed == [200]
    monkeypatch.undo()
    kept = deps.reports.get(rid)
    assert kept.hold["reason"] == "Disrepair claim DC-3" and kept.contact and kept.hidden_photos
    assert deps.blobs.keys(HIDDEN_PHOTO_PREFIX) != []
    assert any(PHONE_NOTE in str(e.changes) for e in deps.audit.entries(rid))


def test_a_report_the_sweep_has_begun_anonymising_cannot_be_held_half_way(client, deps, admin, monkeypatch):
    from chalicelib.storage.reports.report_store import ReportStore
    from support.retention_support import Killed, closed_report, die_at
    rid = closed_report(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    die_at(monkeypatch, "retention.photos_deleted", 0)  # killed after its first write, its photos gone
    with pytest.raises(Killed):
        sweep_at(deps, NOW)
    refused = put(client, f"{HOLDS}/reports/{rid}", {"reason": "Claim CL-1 about a fall"}, at(YORK_HOST, admin.auth))
    assert (refused.status_code, refused.json_body["error"]["code"]) == (409, "not_on_the_schedule")
    monkeypatch.undo()
    assert sweep_at(deps, NOW).counts["reports"] == {"anonymised": 1, "kept": 0}  # the next run finishes it
    assert ReportStore().get(rid).contact == {}


@pytest.mark.parametrize("kind", ["chats", "payments", "accounts"])
def test_lifting_a_hold_leaves_who_lifted_it_and_the_hold_in_the_audit(client, deps, admin, people, kind):
    made = {"chats": lambda: closed_chat(deps, utc(2025, 1, 10, 9), utc(2025, 1, 10, 10)),
            "payments": lambda: paid(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10)),
            "accounts": lambda: people("resident", email="gus@example.org").user.id}[kind]()
    bea = people("admin", email="bea@york.example.gov.uk")
    path = f"{HOLDS}/{kind}/{made}"
    held = put(client, path, {"reason": "Claim CL-7 about this"}, at(YORK_HOST, admin.auth))
    assert held.status_code == 200, held.json_body
    assert client.raw.http.delete(path, headers=at(YORK_HOST, bea.auth)).status_code == 200
    lines = [e for e in deps.audit.entries(made) if e.action == "retention_released"]
    assert len(lines) == 1, deps.audit.entries(made)
    line = lines[0]
    assert (line.by_user_id, line.by_email, line.council) == (bea.user.id, "bea@york.example.gov.uk", "york")
    assert line.changes["hold"]["after"] is None
    assert {k: line.changes["hold"]["before"][k] for k in ("reason", "by")} == {
        "reason": "Claim CL-7 about this", "by": "ann@york.example.gov.uk"}
    assert client.raw.http.delete(path, headers=at(YORK_HOST, bea.auth)).status_code == 404  # not held: no line
    assert len([e for e in deps.audit.entries(made) if e.action == "retention_released"]) == 1
