"""Every clock counts the working days of the council it runs for (issue 71): the same
scenario at York (England's bank holidays) and at North Lanarkshire (Scotland's, and the local
holidays its settings list), so a clock still on England's calendar fails at North Lanarkshire.
The days: St Andrew's Day (Monday 30 November 2026), 2 January (Monday 4 January 2027 in lieu),
Easter Monday (29 March 2027, England's only), the first Monday of August (Scotland's) against
the last (England's), and the September weekend Monday (28 September 2026, North Lanarkshire's
own, from its demo settings)."""
import dataclasses
from contextlib import contextmanager
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from chalicelib import tenancy
from support.councils_support import NL, add, north_lanarkshire, york

LONDON = ZoneInfo("Europe/London")
YORK = "york"


@pytest.fixture
def councils(deps):
    add(deps, york(), north_lanarkshire())


@contextmanager
def working_for(deps, council, now):
    """Deps for `council` (its own settings, so its own calendar) with the clock at `now`."""
    with tenancy.acting_for(council):
        yield dataclasses.replace(deps.for_council(), clock=lambda: now)


def noon(day):
    return datetime.combine(day, time(12), LONDON).astimezone(timezone.utc)


def rule(deps, code, days):
    from chalicelib.storage.records import DueRule
    deps.due_rules.put(DueRule(service_code=code, working_days=days, basis="test"))


@pytest.mark.parametrize("council,due", [(YORK, "2026-12-29"), (NL, "2026-12-30")])
def test_an_foi_request_received_before_st_andrews_day_is_due_by_the_council_s_own_working_days(
        deps, councils, council, due):
    from chalicelib.handlers.shared import placement
    from chalicelib.storage.records import Report
    received = noon(date(2026, 11, 27))  # a Friday; Monday the 30th is St Andrew's Day
    with working_for(deps, council, received) as here:
        rule(here, "foi_request", 20)
        report = Report(id="r1", service_code="foi_request", state="open", created_at=received, updated_at=received)
        assert placement.due_by_rule(here, report) == due


@pytest.mark.parametrize("council,open_days", [(YORK, 2), (NL, 1)])
def test_a_complaint_s_working_days_open_skip_st_andrews_day_only_in_scotland(deps, councils, council, open_days):
    from chalicelib.handlers.shared import targets
    from chalicelib.storage.records import Report
    received = noon(date(2026, 11, 27))
    with working_for(deps, council, noon(date(2026, 12, 1))) as here:
        rule(here, "complaint", 1)
        report = Report(id="r1", service_code="complaint", state="open", created_at=received, updated_at=received)
        seen = targets.against_target(here, report, {"service_code": "complaint", "name": "Complaint"})
        assert (seen["working_days_open"], seen["overdue"]) == (open_days, open_days > 1)


@pytest.mark.parametrize("council,due", [(YORK, "2027-01-04"), (NL, "2027-01-05")])
def test_a_form_s_case_sent_before_christmas_is_due_after_scotland_s_second_of_january(deps, councils, council, due):
    from chalicelib.handlers.forms.cases import case_of
    from support.forms_support import published
    from support.councils_support import with_categories
    from tests.forms.test_form_cases import deliver, sent
    with_categories(NL)
    with working_for(deps, council, noon(date(2026, 12, 1))) as here:
        published(here, "general-enquiry")
        reference = sent(here)  # Wednesday 23 December 2026, 5 working days
        deliver(here)
        case = here.reports.get(case_of(here, reference))
        assert (case.due, case.due_rule) == (due, "5 working days, the target of the form Ask the council a question")


@pytest.mark.parametrize("council,easter_monday_slots", [(YORK, 0), (NL, 8)])
def test_an_appointment_desk_opens_on_easter_monday_only_in_scotland(deps, councils, council, easter_monday_slots):
    from chalicelib.handlers.appointments.free import free
    from doorstep_cli.appointments import demo_document
    document = demo_document()
    service = next(s for s in document["services"] if s["id"] == "housing-options")
    calendars = {c["id"]: c for c in document["calendars"] if c["id"] == "west-offices-housing-1"}
    with working_for(deps, council, noon(date(2027, 3, 24))) as here:
        found = free(here, service, calendars, days=1, first=date(2027, 3, 29))
        assert len(found) == easter_monday_slots


@pytest.mark.parametrize("council,first_monday,last_monday", [
    (YORK, None, "bank_holiday"), (NL, "bank_holiday", None)])
def test_a_hall_is_shut_on_its_own_council_s_august_bank_holiday(deps, councils, council, first_monday, last_monday):
    from chalicelib.handlers.hire import staff, times
    with working_for(deps, council, noon(date(2027, 7, 1))) as here:
        shown = staff.calendar(here, "tang-hall-main-hall", {"from": "2027-08-02", "days": "29"})["calendar"]
        closed = {d["date"]: d["closed"] for d in shown}
        assert (closed["2027-08-02"], closed["2027-08-30"]) == (first_monday, last_monday)
        offered = times.free(here, "tang-hall-main-hall", {"from": "2027-08-02", "days": "1"})["days"][0]
        assert offered["closed"] is (first_monday is not None)


@pytest.mark.parametrize("council,until", [(YORK, "2026-12-01"), (NL, "2026-12-02")])
def test_a_bin_missed_before_st_andrews_day_may_be_reported_for_the_council_s_two_working_days(
        deps, councils, council, until):
    from chalicelib.handlers.waste.missed import offered
    from support.bins_support import HOME, store_home, store_rounds, weekly_round
    with working_for(deps, council, noon(date(2026, 11, 30))) as here:
        store_rounds(here, weekly_round("REF-FRI", "refuse", 4))
        store_home(here, {"refuse": "REF-FRI"})
        refuse = {c["stream"]: c for c in offered(here, HOME)["containers"]}["refuse"]
        assert (refuse["collection_date"], refuse["report_until"]) == ("2026-11-27", until)


@pytest.mark.parametrize("council,collection,cut_off", [
    (YORK, date(2026, 12, 1), "2026-11-30T14:00:00Z"), (NL, date(2026, 12, 1), "2026-11-27T14:00:00Z"),
    (YORK, date(2027, 3, 30), "2027-03-25T14:00:00Z"), (NL, date(2027, 3, 30), "2027-03-29T13:00:00Z"),
    (YORK, date(2026, 9, 29), "2026-09-28T13:00:00Z"), (NL, date(2026, 9, 29), "2026-09-24T13:00:00Z")])
def test_a_bulky_collection_s_cut_off_is_the_council_s_working_day_before(deps, councils, council, collection, cut_off):
    from chalicelib.handlers.waste.dates import cut_off as cut_off_of
    from chalicelib.stamps import stamp
    with working_for(deps, council, noon(date(2026, 11, 1))) as here:
        assert stamp(cut_off_of(collection, here.calendar)) == cut_off


@pytest.mark.parametrize("council,closes_at", [(YORK, "2026-11-30T17:00:00Z"), (NL, "2026-11-27T17:00:00Z")])
def test_registering_to_speak_closes_two_of_the_council_s_working_days_before_the_meeting(
        deps, councils, council, closes_at):
    from chalicelib.handlers.participation.views import speaking
    meeting = {"id": "9001", "committee_id": "5", "date": "2026-12-02", "time": "17:30", "items": []}
    with working_for(deps, council, noon(date(2026, 11, 20))) as here:
        assert speaking(here, meeting)["closes_at"] == closes_at
