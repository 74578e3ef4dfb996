"""Citizen Space's public API shape (api/2.4/json_search_results and
json_consultation_details, its parameters and field tiers) and an Atom feed,
each reading about what it returns."""
from datetime import datetime, timezone

import time_machine

from conftest import store_addresses
from support.consultation_support import DURING, at, demo, loaded

BASIC = {"id", "title", "url", "status", "overview", "startdate", "enddate"}
EXTENDED = BASIC | {"department", "dept", "type", "type_string", "participation_url", "progress", "visibility"}
ALL = EXTENDED | {"why", "what_happens_next", "feedbackdate", "resultsdate", "contact_name", "contact_email",
                  "contact_phone", "contact_address", "related_links", "supporting_documents", "audiences", "areas",
                  "interests"}


def _several(deps):
    store_addresses(deps)
    loaded(deps)  # Micklegate, 1-14 June 2026
    loaded(deps, demo(id="bins-everywhere", title="Fortnightly bin collections", areas="council",
                      department="Waste", opens="2026-05-20T09:00:00", closes="2026-06-30T23:59:59"))
    loaded(deps, demo(id="bishopthorpe-library", title="Bishopthorpe library hours", areas=["Bishopthorpe"],
                      opens="2026-06-02T09:00:00", closes="2026-06-20T23:59:59"))
    loaded(deps, demo(id="later-one", title="Later plans", opens="2026-07-01T09:00:00",
                      closes="2026-07-31T23:59:59"))
    loaded(deps, demo(id="earlier-one", title="Earlier plans", opens="2026-04-01T09:00:00",
                      closes="2026-04-30T23:59:59"))


def _search(client, query, moment=DURING, status=200):
    with time_machine.travel(moment, tick=False):
        answer = client.get(f"/api/2.4/json_search_results?{query}")
    assert answer.status_code == status, answer.json_body
    return answer.json_body


def _ids(found):
    return [c["id"] for c in found]


def test_a_postcode_finds_its_wards_consultations_and_the_whole_councils_in_the_basic_tier(client, deps):
    _several(deps)
    found = _search(client, "pc=yo17hh&st=open")
    assert _ids(found) == ["micklegate-parking", "bins-everywhere"]
    assert set(found[0]) == BASIC and found[0]["startdate"] == "2026-06-01" and found[0]["enddate"] == "2026-06-14"
    assert found[0]["url"].endswith("/consultations/micklegate-parking")
    assert _ids(_search(client, "pc=YO23%201AA")) == ["bishopthorpe-library", "bins-everywhere"]


def test_status_and_date_ranges_choose_as_citizen_space_does(client, deps):
    _several(deps)
    assert _ids(_search(client, "st=forthcoming")) == ["later-one"]
    assert _ids(_search(client, "st=closed")) == ["earlier-one"]
    assert _ids(_search(client, "st=open")) == ["micklegate-parking", "bishopthorpe-library", "bins-everywhere"]
    assert _ids(_search(client, "dk=cl&fd=2026/06/14&td=2026/06/20")) == ["micklegate-parking",
                                                                         "bishopthorpe-library"]
    assert _ids(_search(client, "dk=op&fd=2026/05/01&td=2026/05/31")) == ["bins-everywhere"]
    assert _ids(_search(client, "tx=library%20hours")) == ["bishopthorpe-library"]
    last_second = datetime(2026, 6, 14, 22, 59, 59, tzinfo=timezone.utc)
    assert "micklegate-parking" in _ids(_search(client, "st=open", last_second))
    assert "micklegate-parking" in _ids(_search(client, "st=closed", datetime(2026, 6, 14, 23, tzinfo=timezone.utc)))


def test_each_tier_gives_its_fields_and_the_details_give_them_all(client, deps):
    _several(deps)
    assert set(_search(client, "fields=extended&st=open")[0]) == EXTENDED
    every = _search(client, "fields=all&pc=YO1 7HH&st=open")[0]
    assert set(every) == ALL and every["areas"] == ["Micklegate"] and every["interests"] == ["parking", "transport"]
    assert every["dept"] == "transport-and-highways" and every["resultsdate"] == "2026/09/01"
    with time_machine.travel(DURING, tick=False):
        one = client.get("/api/2.4/json_consultation_details?dept=transport-and-highways&id=micklegate-parking")
        wrong = client.get("/api/2.4/json_consultation_details?dept=waste&id=micklegate-parking")
        missing = client.get("/api/2.4/json_consultation_details?id=micklegate-parking")
    assert one.status_code == 200 and set(one.json_body) == ALL and one.headers["Access-Control-Allow-Origin"] == "*"
    assert wrong.status_code == 404 and missing.status_code == 400


def test_bad_search_parameters_are_named(client, deps):
    found = _search(client, "st=sometime&dk=xx&fd=2026-06-01&fields=everything&pc=no!where", status=400)
    named = {f["field"] for f in found["error"]["fields"]}
    assert {"st", "dk", "fd", "fields", "pc"} <= named
    # well-formed, as the document says, but naming nothing real: 422
    assert _search(client, "fd=2026/02/30&dk=op", status=422)["error"]["fields"][0]["field"] == "fd"
    assert _search(client, "pc=NOWHERE", status=422)["error"]["fields"][0]["field"] == "pc"
    assert _search(client, "fd=2026/02/01", status=422)["error"]["fields"][0]["field"] == "dk"


def test_search_words_over_the_200_the_route_declares_are_refused_as_it_says(client, deps):
    _several(deps)
    declared = next(p for p in client.get("/openapi.json").json_body["paths"]["/api/2.4/json_search_results"]["get"]
                    ["parameters"] if p["name"] == "tx")["schema"]["maxLength"]
    assert declared == 200
    refused = _search(client, "tx=" + "a" * 5000, status=400)["error"]
    assert refused["code"] == "validation_failed" and refused["fields"][0]["field"] == "tx"
    assert _search(client, "tx=" + "b" * 201, status=400)["error"]["fields"][0]["field"] == "tx"  # just past it
    assert _search(client, "tx=" + "b" * 200) == []  # at the most: searched, nothing has those words


def test_the_search_reads_the_rows_of_its_areas_only(deps, capsys):
    from chalicelib.handlers.consultations.search import search_results
    from chalicelib.storage.metering import metered
    _several(deps)
    for n in range(20):  # other wards' consultations, which a ward's search must not read
        loaded(deps, demo(id=f"elsewhere-{n:02d}", areas=["Bishopthorpe"], opens="2026-05-01T09:00:00",
                          closes="2026-06-30T23:59:59"))
    now = at(deps, DURING)
    with metered() as by_postcode:
        found = search_results(now, {"pc": "YO1 7HH", "st": "open", "fields": "all"})
    with metered() as everything:
        search_results(now, {"st": "open"})
    assert _ids(found) == ["micklegate-parking", "bins-everywhere"]
    assert by_postcode.operations == ["Query", "Query", "Query"]  # the postcode; the council's rows; the ward's
    # the postcode's 4 addresses, the 2 returned and the ward's one forthcoming consultation passed over
    assert by_postcode.items == 4 + 2 + 1
    with capsys.disabled():
        print(f"\n  search by postcode: {by_postcode.calls} calls; {by_postcode.items} read (2 returned)"
              f"\n  search st=open (all areas): {everything.calls} calls; {everything.items} read")


def test_the_atom_feed_lists_opened_consultations_newest_first_without_counts(client, deps):
    _several(deps)
    with time_machine.travel(DURING, tick=False):
        feed = client.get("/v1/feeds/consultations.atom")
    assert feed.status_code == 200 and feed.headers["Content-Type"].startswith("application/atom+xml")
    body = feed.body.decode() if isinstance(feed.body, bytes) else feed.body
    assert body.index("Bishopthorpe library hours") < body.index("Fortnightly bin collections")
    assert "Later plans" not in body and "Closes at 11:59:59pm on Sunday 14 June 2026." in body
