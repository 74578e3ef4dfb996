"""The staff inbox through the HTTP API: every filter and order against the
answer worked out from the reports themselves, page by page; scope; search;
and what a page reads."""
import random
from datetime import timedelta

import pytest

from support.alert_support import store_wards
from conftest import pothole
from support.staff_support import (COMPLAINT, FOI, ids_of, officer, officer_for, report_at,  # noqa: F401  (fixtures)
                           staff_data)

GUILDHALL, HEWORTH, NO_WARD = (53.9623, -1.0819), (53.9620, -1.0600), (53.9450, -1.1000)
BODIES = {
    "pothole": lambda where: pothole(lat=where[0], lon=where[1]),
    "graffiti": lambda where: pothole(service_code="graffiti", lat=where[0], lon=where[1],
                                      description="Tags sprayed on the shelter wall.",
                                      fields={"offensive": "no"}),
    "street_light": lambda where: pothole(service_code="street_light", lat=where[0], lon=where[1],
                                          description="Lamp out by the cycle path.", fields={"fault": "out"}),
}
RANK = {"urgent": 0, "high": 1, "normal": 2, "low": 3}


@pytest.fixture
def city(deps, officer):
    """36 located reports, a complaint and an FOI request, made over four
    months, in two wards and none, then triaged: states, priorities, teams."""
    store_wards(deps)
    rng = random.Random(7)
    now = deps.clock()
    made = []
    for n in range(36):
        code = rng.choice(sorted(BODIES))
        where = rng.choice([GUILDHALL, HEWORTH, NO_WARD])
        made.append(report_at(deps, BODIES[code](where), now - timedelta(days=n * 3.3, minutes=n)))
    made.append(report_at(deps, COMPLAINT, now - timedelta(days=40)))
    made.append(report_at(deps, FOI, now - timedelta(days=2)))
    for rid in made:
        change = {}
        if rng.random() < 0.5:
            change["status"] = rng.choice(["investigating", "action_scheduled", "fixed", "closed"])
        if rng.random() < 0.5:
            change["priority"] = rng.choice(["low", "high", "urgent"])
        if rng.random() < 0.5:
            change["team"] = rng.choice(["north", "south"])
        if change:
            done = officer.patch(rid, change)
            assert done.status_code == 200, done.body
    return {rid: officer.report(rid).json_body for rid in made}


def expected(reports, params, today):
    from chalicelib import states
    wanted = states.states_for_filter(params.get("status"))
    split = lambda name: set(params[name].split(",")) if name in params else None  # noqa: E731
    codes, wards, priorities, teams = split("service_code"), split("ward"), split("priority"), split("team")
    found = []
    for r in reports.values():
        if r["status"] not in wanted or (codes and r["service_code"] not in codes) or (
                wards and r["ward"] not in wards) or (priorities and r["priority"] not in priorities) or (
                teams and (r["assignment"] or {}).get("team") not in teams):
            continue
        team = (r["assignment"] or {}).get("team")
        if params.get("assigned") == "yes" and not team or params.get("assigned") == "no" and team:
            continue
        if params.get("overdue") == "yes" and not (r["due"] and r["due"] < today):
            continue
        if params.get("overdue") == "no" and r["due"] and r["due"] < today:
            continue
        if "since" in params and r["created_at"] < params["since"]:
            continue
        found.append(r)
    sort = params.get("sort") or ("due" if "overdue" in params else "newest")
    newest = lambda r: (r["created_at"], r["id"])  # noqa: E731
    if sort == "newest":
        found.sort(key=newest, reverse=True)
    elif sort == "oldest":
        found.sort(key=newest)
    elif sort == "priority":
        found.sort(key=newest, reverse=True)
        found.sort(key=lambda r: RANK[r["priority"]])
    else:
        found.sort(key=lambda r: (r["due"] or "~", r["created_at"], r["id"]))
    return [r["id"] for r in found]


def every_page(officer, params, limit=4):
    got, cursor, pages = [], None, 0
    while True:
        page = officer.inbox(**params, limit=limit, **({"cursor": cursor} if cursor else {}))
        got += ids_of(page)
        cursor, pages = page.json_body["next_cursor"], pages + 1
        if not cursor:
            return got
        assert pages < 40


CASES = [
    {}, {"status": "all"}, {"status": "closed"}, {"status": "investigating,fixed"},
    {"service_code": "pothole"}, {"service_code": "pothole,graffiti", "status": "all"},
    {"ward": "guildhall"}, {"ward": "guildhall,heworth", "service_code": "street_light", "status": "all"},
    {"priority": "urgent"}, {"priority": "high,urgent", "sort": "oldest"}, {"team": "north"},
    {"assigned": "yes", "status": "all"}, {"assigned": "no"}, {"overdue": "yes"}, {"overdue": "no", "status": "all"},
    {"sort": "priority", "status": "all"}, {"sort": "priority", "priority": "low,urgent"},
    {"sort": "due", "priority": "urgent,high", "status": "all"}, {"overdue": "yes", "priority": "normal"},
    {"sort": "oldest", "team": "north", "service_code": "pothole", "status": "all"},
    {"team": "north,south", "ward": "heworth", "service_code": "graffiti,pothole", "status": "all"},
]


def test_every_filter_and_order_answers_exactly_the_matching_reports_page_by_page(officer, city, deps):
    from chalicelib.handlers.shared.placement import today
    since = sorted(r["created_at"] for r in city.values())[len(city) // 2]
    for params in CASES + [{"since": since, "status": "all"}, {"since": since[:10], "sort": "priority"}]:
        assert every_page(officer, params) == expected(city, params, today(deps)), params


def test_an_officer_finds_a_complaint_and_an_foi_request_overdue_first(officer, deps):
    now = deps.clock()
    complaint = report_at(deps, COMPLAINT, now - timedelta(days=30))  # 10 working days: due two weeks ago
    foi = report_at(deps, FOI, now - timedelta(days=60))  # 20 working days: due about a month ago
    recent = report_at(deps, pothole(), now - timedelta(hours=1))
    overdue = ids_of(officer.inbox(overdue="yes"))
    assert overdue == [foi, complaint]  # the FOI request fell due first
    assert ids_of(officer.inbox(sort="due"))[:2] == [foi, complaint]
    assert ids_of(officer.inbox(sort="due"))[-1] == recent
    lines = {r["id"]: r for r in officer.inbox().json_body["reports"]}
    assert lines[foi]["private_category"] and lines[foi]["overdue"] and not lines[foi]["located"]
    assert "contact" not in str(lines) and "fin@example.org" not in str(lines)


def test_the_inbox_keeps_to_the_officers_categories_and_wards(client, deps, officer_for):
    store_wards(deps)
    in_scope = report_at(deps, pothole(), None)  # at the Minster: Guildhall
    elsewhere = report_at(deps, pothole(lat=HEWORTH[0], lon=HEWORTH[1]), None)
    graffiti = report_at(deps, BODIES["graffiti"](GUILDHALL), None)
    foi = report_at(deps, FOI, None)
    highways = officer_for(categories=["pothole"], wards=["guildhall"])
    assert ids_of(highways.inbox(status="all")) == [in_scope]
    refused = highways.inbox(service_code="graffiti")
    assert refused.status_code == 403 and refused.json_body["error"]["code"] == "forbidden"
    assert highways.inbox(ward="heworth").status_code == 403
    info = officer_for(categories=["foi_request"])
    assert ids_of(info.inbox()) == [foi]
    assert highways.report(elsewhere).status_code == 403 and highways.report(graffiti).status_code == 403
    assert ids_of(highways.inbox(q=elsewhere)) == []  # a reference outside the scope finds nothing


def test_search_finds_a_reference_or_the_words_of_a_description(officer, deps):
    cones = report_at(deps, pothole(description="Traffic cones left in the pothole on Stonegate."), None)
    report_at(deps, pothole(description="Deep pothole by the bus stop on Gillygate."), None)
    assert ids_of(officer.inbox(q=cones.lower().replace("-", ""))) == [cones]
    assert ids_of(officer.inbox(q="cones stonegate")) == [cones]
    assert ids_of(officer.inbox(q="Stonegate, CONES!")) == [cones]
    assert ids_of(officer.inbox(q="cones gillygate")) == []
    assert len(ids_of(officer.inbox(q="pothole"))) == 2
    assert ids_of(officer.inbox(q="cones", status="closed")) == []


def test_a_page_reads_about_what_it_returns_whatever_else_is_stored(officer, deps):
    for n in range(30):
        report_at(deps, pothole(description=f"Pothole number {n}."), None)
    page = officer.inbox(limit=5)
    items = int(page.headers["Server-Timing"].split("items=")[1].split('"')[0])
    assert len(ids_of(page)) == 5 and items <= 5 + 4  # the page, the one row that proves there is more, and the caller's
    # user, session and grant at this council (auth/grants.py)
    narrow = officer.inbox(limit=5, service_code="pothole,graffiti,street_light")
    items = int(narrow.headers["Server-Timing"].split("items=")[1].split('"')[0])
    assert items <= 5 + 3 * 3  # a few rows a partition beyond the page


def test_bad_filters_are_refused_with_every_problem(officer):
    bad = officer.inbox(status="asleep", service_code="unicorns", priority="soon", assigned="maybe", limit="500",
                        sort="alphabetical", colour="red")
    assert bad.status_code == 400
    assert {f["field"] for f in bad.json_body["error"]["fields"]} == {
        "status", "service_code", "priority", "assigned", "limit", "sort", "colour"}
    # Filters that do not go together, words that find nothing, a code the council does not have, a
    # cursor it did not give, a day that is not on the calendar: rules the document states in words.
    assert officer.inbox(overdue="yes", sort="newest").status_code == 422
    assert officer.inbox(since="2026-01-01", sort="due").status_code == 422
    assert officer.inbox(assigned="no", team="north").status_code == 422
    assert officer.inbox(q="the of and").status_code == 422
    assert officer.inbox(cursor="not-a-cursor").status_code == 422
    assert officer.inbox(service_code="unicorns").status_code == 422
    assert officer.inbox(since="2026-02-30").status_code == 422
    assert officer.inbox(since="30/01/2026").status_code == 400


def test_a_cursor_only_continues_the_query_it_came_from(officer, deps):
    for n in range(3):
        report_at(deps, pothole(), None)
    cursor = officer.inbox(limit=1).json_body["next_cursor"]
    assert cursor
    other = officer.inbox(limit=1, status="all", cursor=cursor)
    assert other.status_code == 422 and other.json_body["error"]["fields"][0]["field"] == "cursor"


def test_a_stage_whose_reports_predate_the_inbox_gets_their_rows_when_its_tables_are_brought_up(
        doorstep, deps, officer, capsys):
    from chalicelib.storage.staff.inbox import InboxModel
    older = report_at(deps, pothole(), None)
    InboxModel.delete_table()  # as a stage from before the inbox: no table, no rows
    assert doorstep("tables") == 0
    assert "1 reports indexed" in capsys.readouterr().out
    assert ids_of(officer.inbox()) == [older]
    assert officer.patch(older, {"status": "closed"}).status_code == 200  # its rows move with it
    assert ids_of(officer.inbox()) == [] and ids_of(officer.inbox(status="closed")) == [older]


def test_assigned_to_any_team_is_empty_before_there_is_a_team(client, people, deps):
    from support.staff_support import Officer
    report_at(deps, pothole(), None)
    lonely = Officer(client, people("admin"))  # no demo teams loaded
    assert ids_of(lonely.inbox(assigned="yes")) == []
    assert len(ids_of(lonely.inbox(assigned="no"))) == 1
