"""The council tax desk sees a move and everything it set off, with its
audit, reads it only with a reason, and undoes one part with one; and what
a move and its page cost in DynamoDB (Server-Timing)."""
import re
from datetime import timedelta

from support.effects_support import dies_after_commit, given_up, run_stream  # noqa: F401 (a fixture)
from support.moving_support import (NEW_HOME, homes, living_at, move, signed_in_again,  # noqa: F401
                                    told_and_left_to_the_stream)
from support.revenues_support import council_morning  # noqa: F401 (a fixture)


def cost(answer):
    timing = answer.headers.get("Server-Timing", "")
    found = re.search(r"queries=(\d+) items=(\d+)", timing)
    return (int(found.group(1)), int(found.group(2))) if found else timing


def moved_today(client, deps, people):
    """(a resident, a revenues officer, the resident's move within York today)."""
    from chalicelib.stamps import london_today
    homes(deps)
    resident, officer = people(), people("staff", roles=["revenues"])
    living_at(deps, resident)
    made = move(client, resident, {"move": "within", "date": london_today(deps.clock()).isoformat(),
                                   "to_uprn": NEW_HOME, "tenure": "sold"}).json_body
    return resident, officer, made


def test_an_officer_reads_a_move_with_a_reason_and_undoes_the_address_with_one(client, deps, people):
    resident, officer, made = moved_today(client, deps, people)
    path = f"/v1/staff/moves/{made['id']}"
    assert client.post(f"{path}/lookup", {}, officer.auth).status_code == 400  # no reason, no read
    assert client.post(f"{path}/lookup", {"reason": "Caller"}, resident.auth).status_code == 403
    read = client.post(f"{path}/lookup", {"reason": "Caller on the phone"}, officer.auth)
    assert read.status_code == 200, read.body
    assert {p["name"] for p in read.json_body["parts"]} >= {"address", "bin_days", "council_tax"}
    assert client.get("/v1/me", resident.auth).json_body["uprn"] == NEW_HOME
    version = next(p["version"] for p in read.json_body["parts"] if p["name"] == "address")
    why = {"reason": "Resident says the sale fell through"}
    assert client.post(f"{path}/parts/address/undo", why, officer.auth).status_code == 428
    stale = client.post(f"{path}/parts/address/undo", why, {**officer.auth, "If-Match": f'"{version + 1}"'})
    assert stale.status_code == 409 and stale.json_body["error"]["code"] == "edit_conflict"
    undone = client.post(f"{path}/parts/address/undo", why, {**officer.auth, "If-Match": f'"{version}"'})
    assert undone.status_code == 200, undone.body
    parts = {p["name"]: p for p in undone.json_body["parts"]}
    assert parts["address"]["state"] == "undone" and "sale fell through" in parts["address"]["text"]
    assert [a["action"] for a in undone.json_body["audit"]] == ["read", "undo"]
    assert client.get("/v1/me", resident.auth).json_body["uprn"] == "990000000501"
    again = client.post(f"{path}/parts/address/undo", {"reason": "Pressed twice by mistake"},
                        {**officer.auth, "If-Match": f'"{version}"'})
    assert again.status_code == 409 and again.json_body["error"]["code"] == "edit_conflict"  # undone meanwhile


def test_a_moves_page_costs_what_it_returns(client, deps, people):
    from chalicelib.stamps import london_today
    homes(deps)
    resident = people()
    living_at(deps, resident)
    made = move(client, resident, {"move": "within", "date": london_today(deps.clock()).isoformat(),
                                   "to_uprn": NEW_HOME, "tenure": "sold"})
    # Telling it: the account (twice: the sign-in's check and the move's own read), the session, the key's
    # claim and both homes read, then one transaction writing the move, its event, the claim and the
    # account's new home from the move date, and the move read back with whether its changes are still being
    # made. What follows is the event's, counted in test_what_follows.
    assert cost(made) == (7, 18), made.headers["Server-Timing"]
    page = client.get(f"/v1/me/moves/{made.json_body['id']}", resident.auth)
    # One Query of its parts (council tax, address, bin days: 3 items) and GetItems of the move, of its
    # changes' claim (under way or done) and, as on every signed-in route, the session and the user.
    assert cost(page) == (1, 7), page.headers["Server-Timing"]
    assert cost(client.get("/v1/me/moves", resident.auth)) == (1, 3)  # one Query: the one move


def test_the_desks_look_up_of_a_move_costs_what_it_returns_and_its_claim_only_on_the_first_day(
        client, deps, people, council_morning):
    resident, officer, made = moved_today(client, deps, people)
    path = f"/v1/staff/moves/{made['id']}/lookup"
    read = client.post(path, {"reason": "Caller on the phone"}, officer.auth)
    # Queries: the move by its id (1 item), its parts (3) and its audit (this read: 1); GetItems: the officer's
    # session, account and grant, and the changes' claim (under way or made).
    assert (cost(read), len(read.json_body["audit"])) == ((3, 9), 1), read.headers["Server-Timing"]
    council_morning.shift(timedelta(days=1, minutes=1))
    later = client.post(path, {"reason": "Caller on the phone again"}, signed_in_again(deps, officer))
    # A day on the claim is not read: one item fewer, and one more in the audit (both reads).
    assert (cost(later), len(later.json_body["audit"])) == ((3, 9), 2), later.headers["Server-Timing"]
    assert (later.json_body["under_way"], later.json_body["held_up"]) == (False, False)


def test_a_move_whose_changes_were_never_made_is_under_way_for_a_day_and_then_not_whatever_its_claim(
        client, deps, people, council_morning, dies_after_commit):
    # Never tried by its request, and its claim never written: as after the claims' 30-day TTL.
    resident, made = told_and_left_to_the_stream(client, deps, people, dies_after_commit)
    page = f"/v1/me/moves/{made['id']}"
    council_morning.shift(timedelta(hours=23, minutes=59))
    assert client.get(page, signed_in_again(deps, resident)).json_body["under_way"] is True
    council_morning.shift(timedelta(minutes=2))
    later = client.get(page, signed_in_again(deps, resident))
    # A day on, its claim is not even read: the page costs what it did before it could be under way.
    assert later.json_body["under_way"] is False and cost(later) == (1, 3), later.headers["Server-Timing"]


def test_a_move_whose_changes_were_given_up_says_so_and_not_that_they_were_made(
        client, deps, people, council_morning, dies_after_commit, monkeypatch):
    resident, made = told_and_left_to_the_stream(client, deps, people, dies_after_commit)
    assert (made["under_way"], made["held_up"]) == (True, False)
    given_up(monkeypatch, "chalicelib.handlers.moving.following", "on_move")
    from chalicelib.handlers.shared import effects
    monkeypatch.setattr(effects, "ATTEMPTS", 2)
    assert len(run_stream(deps, "move_made")) == 1  # failed once, to be tried again: still under way
    once = client.get(f"/v1/me/moves/{made['id']}", signed_in_again(deps, resident)).json_body
    assert (once["under_way"], once["held_up"]) == (True, False)
    run_stream(deps, "move_made")  # its last try
    page = client.get(f"/v1/me/moves/{made['id']}", signed_in_again(deps, resident))
    assert (page.json_body["under_way"], page.json_body["held_up"], page.json_body["parts"]) == (False, True, [])
    assert cost(page) == (1, 4), page.headers["Server-Timing"]  # the claim's one GetItem tells both
    officer = people("staff", roles=["revenues"])
    looked = client.post(f"/v1/staff/moves/{made['id']}/lookup", {"reason": "Caller says nothing changed"},
                         officer.auth).json_body
    assert (looked["under_way"], looked["held_up"]) == (False, True)  # the desk sees it too
    council_morning.shift(timedelta(days=1, minutes=1))  # a day on: not read, so neither is said
    later = client.get(f"/v1/me/moves/{made['id']}", signed_in_again(deps, resident)).json_body
    assert (later["under_way"], later["held_up"]) == (False, False)


def test_a_move_whose_changes_fail_on_their_jobs_last_receive_is_held_up_and_listed_not_left_under_way(
        client, deps, people, council_morning, dies_after_commit, monkeypatch, caplog):
    from chalicelib.handlers.alerts.batching import MAX_RECEIVES
    from chalicelib.handlers.moving import following
    from chalicelib.handlers.moving.limits import FOLLOW, event_id
    resident, made = told_and_left_to_the_stream(client, deps, people, dies_after_commit)

    def fails(deps, event, key):
        raise RuntimeError("the back office refused it")
    monkeypatch.setattr(following, "on_move", fails)  # tries left: only its first
    # Its job's earlier receives were spent finding it busy, or by a runner that died: the queue hands it over
    # for the last time, and after this it goes to the dead letters, where nothing runs it.
    assert run_stream(deps, "move_made", received=MAX_RECEIVES - 1)  # not its last: back to the queue
    assert client.get(f"/v1/me/moves/{made['id']}", signed_in_again(deps, resident)).json_body["held_up"] is False
    run_stream(deps, "move_made", received=MAX_RECEIVES)
    page = client.get(f"/v1/me/moves/{made['id']}", signed_in_again(deps, resident)).json_body
    assert (page["under_way"], page["held_up"]) == (False, True)
    assert [(g["event"], g["effect"], g["attempts"]) for g in deps.effects.given_up(5)] == [
        (event_id(made["id"]), FOLLOW, 2)]
    assert any(r.getMessage().startswith("effect given up") for r in caplog.records)  # the alarm's line


def test_a_residents_moves_are_in_their_export_and_gone_with_their_account(client, deps, people):
    from chalicelib.stamps import london_today
    homes(deps)
    resident = people()
    living_at(deps, resident)
    made = move(client, resident, {"move": "out", "date": london_today(deps.clock()).isoformat(), "tenure": "rented",
                                   "contact": {"role": "landlord", "name": "Mrs Ross"},
                                   "forwarding": "4 Quay Street, Whitby"}).json_body
    rows = client.get("/v1/me/export", resident.auth).json_body["moves"]
    assert any(r["row"] == f"move#{made['id']}" and r["contact"]["name"] == "Mrs Ross" for r in rows)
    assert client.raw.http.request("DELETE", "/v1/me", headers=resident.auth).status_code == 204
    assert deps.moves.of_user(resident.user.id) == [] and deps.moves.parts(resident.user.id, made["id"]) == []
