"""Staff search the conversations: by a conversation's reference, a linked
report's reference, or the resident's e-mail or phone as they gave it (exact,
normalised); a search reads what it returns, and an erased conversation is
found no more."""
import dataclasses

from chalicelib.auth.principal import Principal
from support.chat_support import ANON, desk, open_desk, start  # noqa: F401
from support.officers import all_roles


def quietly(deps, body):
    """Started as the CLI would (no client: no rate limit), for tests needing many."""
    from chalicelib.handlers.conversations.resident import start as started
    return started(deps, body)[0]


def find(client, officer, q):
    from urllib.parse import quote
    return client.get(f"/v1/staff/conversations/search?q={quote(q)}", officer.auth)


def found(client, officer, q):
    r = find(client, officer, q)
    assert r.status_code == 200, r.body
    return [c["id"] for c in r.json_body["conversations"]]


def test_staff_find_a_conversation_by_its_reference_its_reports_and_the_residents_contact(client, deps, people,
                                                                                         open_desk):
    from conftest import pothole
    officer = people("staff")
    by_mail = quietly(deps, {**ANON, "email": "Ada.Resident@Example.org"})
    by_phone = quietly(deps, {"name": "Bo", "phone": "07700 900123", "text": "Hello"})
    again = quietly(deps, {**ANON, "email": "ada.resident@example.org", "text": "Me again"})
    signed_in = people(email="cy@example.org")
    theirs = start(client, {"text": "About my bin"}, signed_in.auth)
    quietly(deps, {**ANON, "email": "someone.else@example.org"})
    assert found(client, officer, "ada.resident@EXAMPLE.org ") == [again["id"], by_mail["id"]]  # newest first
    assert found(client, officer, "+44 7700 900123") == [by_phone["id"]]
    assert found(client, officer, "cy@example.org") == [theirs["id"]]  # the account's own address
    assert found(client, officer, by_phone["id"].upper()) == [by_phone["id"]]
    assert found(client, officer, "nobody@example.org") == []
    # A report made from one and a report linked to two find them.
    desk(client, officer, theirs["id"], "take")
    made = desk(client, officer, theirs["id"], "report", {**pothole(), "contact": None}).json_body["report_id"]
    earlier = client.post("/v1/reports", pothole()).json_body["id"]
    for conversation in (by_mail, again):
        desk(client, officer, conversation["id"], "take")
        desk(client, officer, conversation["id"], "link", {"report_id": earlier})
    assert found(client, officer, made.lower()) == [theirs["id"]]
    r = find(client, officer, earlier)
    assert r.json_body["matched_by"] == "report"
    assert [c["id"] for c in r.json_body["conversations"]] == [again["id"], by_mail["id"]]


def test_a_search_reads_what_it_returns_not_the_table(client, deps, people, open_desk):
    from chalicelib.handlers.conversations.desk import search
    from chalicelib.storage import metering
    officer = people("staff")
    mine = [quietly(deps, {**ANON, "email": "many@example.org", "text": f"Question {n}"})["id"] for n in range(3)]
    for n in range(20):
        quietly(deps, {**ANON, "email": f"other{n}@example.org"})
    own = dataclasses.replace(deps, principal=Principal(user_id=officer.user.id, role="staff", roles=all_roles()))
    with metering.metered() as meter:
        rows = search(own, "many@example.org")["conversations"]
    assert sorted(r["id"] for r in rows) == sorted(mine)
    # One Query of the key's partition (3 items) and one BatchGetItem of the 3 conversations.
    assert meter.queries == 1 and meter.items == 6, (meter.queries, meter.items)


def test_a_search_for_something_that_is_no_reference_or_contact_is_refused(client, people, open_desk):
    officer = people("staff")
    # Nothing is 400 (the parameter is required); text that names nothing searchable is a rule in words, 422.
    for q, status in (("", 400), ("pothole", 422), ("ada@", 422), ("DS-", 422), ("0", 422)):
        r = find(client, officer, q)
        assert r.status_code == status and r.json_body["error"]["fields"][0]["field"] == "q", (q, r.body)
    assert find(client, people(), "ada@example.org").status_code == 403


def test_an_erased_account_is_found_no_more(client, people, open_desk):
    officer, resident = people("staff"), people(email="gone@example.org")
    start(client, {"text": "Hello"}, resident.auth)
    assert len(found(client, officer, "gone@example.org")) == 1
    assert client.raw.http.delete("/v1/me", headers=resident.auth).status_code == 204
    assert found(client, officer, "gone@example.org") == []
