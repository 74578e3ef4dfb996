"""Each council's repairs under its own law, counted on its own calendar: North
Lanarkshire's by Scotland's Right to Repair (SSI 2002/316) and, from 6 October
2026, its damp and mould rules (SSI 2026/173), on Scotland's working days; York's
by England's, on England's. Every moment here is pinned."""
from datetime import date, datetime

import pytest

from chalicelib.councils.council import Council
from chalicelib.handlers.repairs import clocks, telling
from chalicelib.handlers.repairs.clocks import LONDON
from chalicelib.handlers.repairs.rules import Rules, of_council
from chalicelib.storage.records import Repair

NL = of_council(Council(id="north-lanarkshire", name="North Lanarkshire Council", short_name="North Lanarkshire",
                        jurisdiction="scotland", version=1))
YORK = of_council(Council(id="york", name="City of York Council", short_name="York", jurisdiction="england",
                          version=1))


def reported(rules, aware, repair="sink_blocked", priority="urgent", **extra):
    """A repair as the report stores it: its period the law's, on the day it was reported."""
    return Repair(id="RP-000001", home="H1", address="1 Main Street", user_id="u_1", location="kitchen",
                  problem="sink", issue="sink_blocked", repair=repair, code="CFG", trade="plumber",
                  priority=priority, aware_at=aware, created_at=aware,
                  right_to_repair_days=rules.period(repair, aware), **extra)


def test_scotlands_schedule_lists_seventeen_qualifying_repairs_up_to_three_hundred_and_fifty_pounds():
    law = NL.right_to_repair(datetime(2026, 11, 27, tzinfo=LONDON))
    assert len(law["schedule"]) == 17 and law["qualifying_up_to_pence"] == 35_000
    assert {item["days"] for item in law["schedule"]} == {1, 3, 7}
    assert law["source"].startswith("The Scottish Secure Tenants (Right to Repair) Regulations 2002 (SSI 2002/316)")


def test_a_blocked_sink_is_one_working_day_in_scotland_and_three_in_england_and_a_stuck_tap_england_only():
    aware = datetime(2026, 11, 27, 10, tzinfo=LONDON)
    assert (NL.period("sink_blocked", aware), YORK.period("sink_blocked", aware)) == (1, 3)
    assert (NL.period("tap_stuck", aware), YORK.period("tap_stuck", aware)) == (None, 3)
    assert (NL.period("door_entry", aware), YORK.period("door_entry", aware)) == (None, 7)


def test_a_sink_reported_the_evening_before_st_andrews_day_in_north_lanarkshire_is_due_the_day_after_it():
    sunday_evening = datetime(2026, 11, 29, 20, 30, tzinfo=LONDON)  # Monday 30 November: St Andrew's Day
    nl, = telling.deadlines(reported(NL, sunday_evening), NL)
    assert (nl.name, nl.last_day) == ("right_to_repair", date(2026, 12, 1))
    york, = telling.deadlines(reported(YORK, sunday_evening), YORK)  # a working day in England: 3 from it
    assert (york.name, york.last_day) == ("right_to_repair", date(2026, 12, 2))


def test_a_sink_reported_before_the_easter_weekend_counts_each_councils_own_holidays():
    thursday_evening = datetime(2027, 3, 25, 19, 0, tzinfo=LONDON)  # Good Friday 26 March, Easter Monday 29th
    york, = telling.deadlines(reported(YORK, thursday_evening), YORK)
    assert york.last_day == date(2027, 4, 1)  # Good Friday and Easter Monday skipped: 30, 31 March, 1 April
    nl, = telling.deadlines(reported(NL, thursday_evening), NL)
    assert nl.last_day == date(2027, 3, 29)  # Easter Monday is a working day in Scotland


def test_each_date_says_the_span_and_the_rule_that_made_it():
    said, = telling.dates(reported(NL, datetime(2026, 11, 29, 20, 30, tzinfo=LONDON)),
                          datetime(2026, 11, 30, 9, tzinfo=LONDON), NL)
    assert said["text"] == "Your repair is due by Tuesday 1 December 2026."
    assert said["by"] == "1 working day under the Right to Repair (Scotland)"
    york, = telling.dates(reported(YORK, datetime(2026, 11, 29, 20, 30, tzinfo=LONDON), repair="tap_dripping",
                                   priority="routine"), datetime(2026, 11, 30, 9, tzinfo=LONDON), YORK)
    assert york["by"] == "20 working days under our repairs policy"


def test_mould_reported_on_the_fifth_of_october_keeps_the_rules_in_force_that_day_and_on_the_sixth_gets_the_new():
    before = telling.deadlines(reported(NL, datetime(2026, 10, 5, 16, tzinfo=LONDON), repair="damp_mould",
                                        damp_mould=True), NL)
    assert [d.name for d in before] == ["urgent"]  # no statutory clock yet: the council's own priority alone
    after = telling.deadlines(reported(NL, datetime(2026, 10, 6, 9, tzinfo=LONDON), repair="damp_mould",
                                       damp_mould=True), NL)
    assert [(d.name, d.last_day, d.rule) for d in after] == [
        ("urgent", date(2026, 10, 13), "policy"), ("investigation", date(2026, 10, 20), "damp_mould_scotland")]


def test_scotlands_inspection_starts_the_summary_in_three_working_days_and_the_safety_work_in_five():
    aware, investigated = datetime(2026, 10, 6, 9, tzinfo=LONDON), datetime(2026, 10, 9, 11, tzinfo=LONDON)
    found = telling.deadlines(reported(NL, aware, repair="damp_mould", damp_mould=True,
                                       investigated_at=investigated), NL)
    assert {d.name: d.last_day for d in found} == {"urgent": date(2026, 10, 13), "investigation": date(2026, 10, 20),
                                                   "written_summary": date(2026, 10, 14),
                                                   "safety_work": date(2026, 10, 16)}


def test_a_damp_emergency_in_scotland_keeps_its_24_hours_and_the_investigation_the_law_sets():
    aware = datetime(2026, 10, 7, 22, tzinfo=LONDON)
    found = telling.deadlines(reported(NL, aware, repair="damp_mould", priority="emergency", damp_mould=True), NL)
    assert [(d.name, d.rule) for d in found] == [("emergency", "policy"), ("investigation", "damp_mould_scotland")]
    england = telling.deadlines(reported(YORK, aware, repair="damp_mould", priority="emergency", damp_mould=True),
                                YORK)
    assert [d.name for d in england] == ["emergency", "emergency_hazard"]  # Awaab's Law has its own 24 hours


@pytest.mark.parametrize("done, owed", [
    (datetime(2026, 12, 8, 23, 59, tzinfo=LONDON), 0),  # the period's last day: in time
    (datetime(2026, 12, 9, 0, 1, tzinfo=LONDON), 1_800),  # one working day late: £15 and £3
    (datetime(2026, 12, 12, 11, 0, tzinfo=LONDON), 2_400),  # Saturday: Wednesday to Friday, three working days
    (datetime(2026, 12, 29, 11, 0, tzinfo=LONDON), 5_400),  # 13: Christmas and the Boxing Day holiday not counted
    (datetime(2027, 1, 21, 11, 0, tzinfo=LONDON), 9_900),  # 28 (1 and 4 January not counted): £99
    (datetime(2027, 1, 22, 11, 0, tzinfo=LONDON), 10_000),  # 29: £100, the most
    (datetime(2027, 6, 1, 11, 0, tzinfo=LONDON), 10_000),
])
def test_late_in_scotland_owes_fifteen_pounds_and_three_a_working_day_to_a_hundred_without_a_second_contractor(
        done, owed):
    repair = reported(NL, datetime(2026, 12, 7, 10, tzinfo=LONDON))  # a blocked sink: due by Tuesday 8 December
    repair.done_at = done
    assert telling.compensation(repair, NL, done) == owed


def test_clock_data_with_a_period_the_schedules_do_not_have_is_refused():
    import copy
    document = copy.deepcopy(clocks.data())
    document["jurisdictions"]["scotland"]["right_to_repair"][0]["qualifying"]["sink_blocked"]["days"] = 5
    with pytest.raises(clocks.ClockDataError):
        clocks.checked(document)


def test_a_jurisdiction_with_no_rules_keeps_the_councils_priorities_alone():
    wales = Rules("somewhere", "wales", YORK.calendar)
    assert wales.period("sink_blocked", datetime(2026, 11, 27, tzinfo=LONDON)) is None
    assert [d.name for d in telling.deadlines(reported(wales, datetime(2026, 11, 27, tzinfo=LONDON),
                                                       damp_mould=True), wales)] == ["urgent"]


def test_a_council_listing_no_other_contractor_is_refused():
    from chalicelib.handlers.repairs.rules import ContractorDataError, checked_contractors
    with pytest.raises(ContractorDataError):
        checked_contractors({"north-lanarkshire": {"usual": {"name": "A", "phone": "01632 960101"}, "others": []}})


@pytest.mark.parametrize("day, days", [(date(2026, 10, 30), 3), (date(2026, 10, 31), 1), (date(2027, 5, 1), 1),
                                       (date(2027, 5, 2), 3), (date(2027, 1, 15), 1), (date(2027, 7, 15), 3)])
def test_englands_heating_is_one_working_day_from_the_last_of_october_to_the_first_of_may_and_three_otherwise(
        day, days):
    aware = datetime.combine(day, datetime.min.time(), LONDON).replace(hour=23, minute=30)  # late: still that day
    assert YORK.period("partial_heating", aware) == days
    assert NL.period("partial_heating", aware) == 1  # Scotland's schedule: one day all year


def test_clock_data_with_a_season_but_no_period_otherwise_is_refused():
    document = clocks.data()
    england = document["jurisdictions"]["england"]["right_to_repair"][0]
    heating = {k: v for k, v in england["qualifying"]["partial_heating"].items() if k != "otherwise"}
    broken = {**document, "jurisdictions": {"england": {"right_to_repair": [
        {**england, "qualifying": {**england["qualifying"], "partial_heating": heating}}]}}}
    with pytest.raises(clocks.ClockDataError, match="otherwise"):
        clocks.checked(broken)
