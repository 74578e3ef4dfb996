"""What a resident has belongs to the council it was made with (issue 70, item 6): My Account at one
council shows that council's things, with a line saying where else they have signed in."""
import re

from support.councils_support import NL_HOST, YORK_HOST, add, at, north_lanarkshire, with_categories, york

ADA = {"email": "ada@example.org", "password": "correct horse battery"}


def reads(answer):
    return re.search(r"queries=(\d+) items=(\d+)", answer.headers["Server-Timing"]).groups()


def signed_in(client, host):
    made = client.post("/v1/auth/login", ADA, at(host))
    assert made.status_code == 200, made.json_body
    return {"Authorization": f"Bearer {made.json_body['access_token']}"}


def test_my_account_names_the_other_councils_i_signed_in_at_and_lists_only_this_ones_things(client, deps):
    from conftest import pothole
    add(deps, york(), north_lanarkshire())
    with_categories("north-lanarkshire")
    client.post("/v1/auth/register", {**ADA, "name": "Ada Resident"}, at(YORK_HOST))
    at_york = signed_in(client, YORK_HOST)
    alone = client.get("/v1/me", at(YORK_HOST, at_york))
    assert alone.json_body["elsewhere"] == []  # York alone so far
    at_nl = signed_in(client, NL_HOST)
    made = client.post("/v1/reports", pothole(lat=55.7892, lon=-3.9916),
                       at(NL_HOST, {**at_nl, "Idempotency-Key": "d4e5f6a7-0000-4000-8000-000000000001"}))
    assert made.status_code == 201, made.json_body
    answer = client.get("/v1/me", at(YORK_HOST, at_york))
    mine = answer.json_body
    assert mine["elsewhere"] == [{"council": "north-lanarkshire", "name": "North Lanarkshire Council",
                                  "url": "http://northlanarkshire.localhost:8000/account"}]
    assert reads(answer) == reads(alone)  # naming them read nothing: the settings are the process's
    assert client.get("/v1/me/reports", at(YORK_HOST, at_york)).json_body["reports"] == []  # its own things only
    there = client.get("/v1/me", at(NL_HOST, at_nl)).json_body
    assert [c["council"] for c in there["elsewhere"]] == ["york"]


def test_signing_in_again_at_a_council_writes_nothing_more_to_the_person(client, deps):
    add(deps, york())
    client.post("/v1/auth/register", {**ADA, "name": "Ada Resident"}, at(YORK_HOST))
    signed_in(client, YORK_HOST)
    first = deps.accounts.user_by_identity("email#ada@example.org")
    assert first.signed_in_at == {"york"}
    signed_in(client, YORK_HOST)
    assert deps.accounts.user_by_identity("email#ada@example.org").version == first.version  # not written again
