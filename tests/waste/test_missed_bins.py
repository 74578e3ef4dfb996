"""Missed bins are tied to the property's collections: a container is offered
from the day after its collection day until 2 working days after it, and the
first report for a property, container and collection makes one report that
every later one is merged into."""
import dataclasses
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from chalicelib.auth.principal import Principal
from chalicelib.errors import ApiError
from chalicelib.workdays import add_working_days, is_working_day
from support.bins_support import HOME, next_after, today, weekly_round
from support.pay_support import ROUND, home_with_round
from support.racing import at_once


def a_plain_monday():
    """A Monday of the refuse round, ahead, whose Tuesday and Wednesday are working days."""
    monday = next_after(weekly_round(ROUND, "refuse", 0), today())
    while not (is_working_day(monday + timedelta(days=1)) and is_working_day(monday + timedelta(days=2))):
        monday += timedelta(days=7)
    return monday


def at(deps, day, person=None):
    """Deps at noon (London) on `day`, a day the story computed from the round."""
    moment = datetime.combine(day, time(12), ZoneInfo("Europe/London"))
    who = {"principal": Principal(user_id=person.user.id, role="resident", email=person.user.email)} if person else {}
    return dataclasses.replace(deps, clock=lambda: moment, **who)


def offered_streams(deps, day):
    from chalicelib.handlers.waste.missed import offered
    return {c["stream"]: c for c in offered(at(deps, day), HOME)["containers"]}


def test_a_missed_bin_is_offered_from_the_day_after_its_collection_until_two_working_days_after(deps):
    home_with_round(deps)
    monday = a_plain_monday()
    assert "refuse" not in offered_streams(deps, monday)  # on the day: the crew may still come
    tuesday = offered_streams(deps, monday + timedelta(days=1))["refuse"]
    assert (tuesday["collection_date"], tuesday["report_until"]) == (
        monday.isoformat(), add_working_days(monday, 2).isoformat())
    assert "refuse" in offered_streams(deps, monday + timedelta(days=2))
    assert "refuse" not in offered_streams(deps, monday + timedelta(days=3))


def test_the_two_working_days_after_a_collection_skip_a_weekend_and_the_easter_bank_holidays(deps):
    from support.bins_support import store_home, store_rounds
    # Thursday 2 April 2026's collection; then Good Friday, a weekend and Easter Monday:
    # the two working days are Tuesday 7 and Wednesday 8 (two calendar days would end on
    # Saturday 4; weekends alone, on Monday 6).
    store_rounds(deps, weekly_round(ROUND, "refuse", 3))
    store_home(deps, {"refuse": ROUND})
    thursday = date(2026, 4, 2)
    assert [is_working_day(thursday + timedelta(days=n)) for n in range(1, 6)] == [False, False, False, False, True]
    for day in (thursday + timedelta(days=n) for n in range(1, 7)):
        container = offered_streams(deps, day).get("refuse")
        assert container and (container["collection_date"], container["report_until"]) == (
            "2026-04-02", "2026-04-08"), (day, container)
    assert "refuse" not in offered_streams(deps, date(2026, 4, 9))  # the next collection's own day


def test_the_first_report_makes_a_missed_bin_report_and_later_ones_are_merged_into_it(deps, people):
    from chalicelib.handlers.waste.missed import report
    home_with_round(deps)
    tuesday = a_plain_monday() + timedelta(days=1)
    first_resident, neighbour = people(), people()
    first, made = report(at(deps, tuesday, first_resident), HOME, {"stream": "refuse", "notes": "Bin at the kerb."})
    assert made and first["merged"] is False
    stored = deps.reports.get(first["report_id"])
    assert stored.service_code == "missed_bin" and stored.fields["stream"] == "refuse"
    assert stored.fields["collection_date"] == (tuesday - timedelta(days=1)).isoformat()
    for person in (neighbour, first_resident):
        again, made = report(at(deps, tuesday, person), HOME, {"stream": "refuse"})
        assert not made and again["merged"] is True and again["report_id"] == first["report_id"]
    collection = f"{HOME}#refuse#{(tuesday - timedelta(days=1)).isoformat()}"
    assert deps.missed_bins.report_for(collection)[:2] == (first["report_id"],
                                                           sorted([first_resident.user.id, neighbour.user.id]))
    assert offered_streams(deps, tuesday)["refuse"]["reported"] == first["report_id"]


def test_residents_reporting_the_same_missed_bin_at_once_make_one_report(deps, people):
    from chalicelib.handlers.waste.missed import report
    home_with_round(deps)
    tuesday = a_plain_monday() + timedelta(days=1)
    residents = [people() for _ in range(8)]
    answers = at_once(lambda p: report(at(deps, tuesday, p), HOME, {"stream": "refuse"}), residents)
    assert sorted(made for _, made in answers) == [False] * 7 + [True]
    assert len({answer["report_id"] for answer, _ in answers}) == 1


def test_a_container_outside_its_window_or_without_a_round_is_refused_clearly(deps, people, client):
    from chalicelib.handlers.waste.missed import report
    home_with_round(deps, garden=False)
    monday, resident = a_plain_monday(), people()
    for stream, day in (("refuse", monday + timedelta(days=3)), ("garden", monday + timedelta(days=1))):
        with pytest.raises(ApiError) as refused:
            report(at(deps, day, resident), HOME, {"stream": stream})
        assert (refused.value.status, refused.value.code) == (422, "not_reportable")
    bad = client.post(f"/v1/places/{HOME}/missed-bins", {"stream": "piano"}, resident.auth)
    assert bad.status_code == 400 and bad.json_body["error"]["fields"][0]["field"] == "stream"
    listed = client.get(f"/v1/places/{HOME}/missed-bins")
    assert listed.status_code == 200 and listed.json_body["uprn"] == HOME
