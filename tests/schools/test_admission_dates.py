"""A round's dates, each from the rule that sets it, on the council's calendar: offer day moved to the
next working day past a weekend and a bank holiday (a naive "the Monday after" lands on Easter Monday),
appeals counted in school days (a naive count of working days runs through the Easter holidays), and
Scotland's placing request dates."""
from datetime import date
from types import SimpleNamespace

import pytest

from chalicelib.handlers.schools.rules import deemed_refused_on, round_dates
from chalicelib.workdays import calendar_for

EASTER_2028 = [{"from": "2028-04-10", "to": "2028-04-21", "name": "Easter holidays"},
               {"from": "2028-05-29", "to": "2028-06-02", "name": "May half term"}]


def council(jurisdiction):
    return SimpleNamespace(jurisdiction=jurisdiction, document={})


def dates(jurisdiction, round_id, settings=None):
    found = council(jurisdiction)
    return round_dates(found, calendar_for(found), settings or {}, round_id)


@pytest.mark.parametrize("round_id, closing, offer", [
    ("2027-primary", "2027-01-15", "2027-04-16"),  # a Friday: as the law says
    ("2027-secondary", "2026-10-31", "2027-03-01"),  # closing in the autumn before entry; 1 March a Monday
    ("2026-secondary", "2025-10-31", "2026-03-02"),  # 1 March 2026 a Sunday: the Monday
    ("2028-primary", "2028-01-15", "2028-04-18"),  # 16 April a Sunday, 17 April Easter Monday: the Tuesday
    ("2033-primary", "2033-01-15", "2033-04-19"),  # a Saturday, then Easter Monday: the Tuesday
])
def test_offer_day_is_the_next_working_day_when_the_law_s_day_is_a_weekend_or_a_bank_holiday(round_id, closing, offer):
    found = dates("england", round_id)["dates"]
    assert (found["closing"]["date"], found["offer"]["date"]) == (closing, offer)
    assert "reg. 30" in found["offer"]["source"] and "Sch. 2" in found["closing"]["source"]


def test_the_appeal_deadline_counts_school_days_not_working_days_through_the_easter_holidays():
    found = dates("england", "2028-primary", {"school_holidays": EASTER_2028})["dates"]
    # Offer Tuesday 18 April 2028, in the Easter holidays: school days start on the 24th; 1 May is a bank
    # holiday. The 20th school day is Monday 22 May. Twenty working days would end on 17 May.
    assert found["appeal_by"]["date"] == "2028-05-22"
    assert found["accept_by"]["date"] == "2028-05-02"
    without_holidays = dates("england", "2028-primary")["dates"]
    assert without_holidays["appeal_by"]["date"] == "2028-05-17"


def test_a_scottish_round_has_placing_request_dates_and_no_offer_day():
    found = dates("scotland", "2027-primary", {"dates": {"primary": {"enrolment": {
        "month_day": "01-12", "source": "the council's enrolment week"}}}})
    assert found["scheme"] == "catchment" and found["year_group"] == "p1"
    assert {k: v["date"] for k, v in found["dates"].items()} == {
        "placing_received_by": "2027-03-15", "placing_answer_by": "2027-04-30", "enrolment": "2027-01-12"}
    assert "reg. 4(1)" in found["dates"]["placing_answer_by"]["source"]


@pytest.mark.parametrize("received, refused", [
    ("2027-03-20", "2027-05-20"), ("2026-12-31", "2027-02-28"), ("2027-11-30", "2028-01-30")])
def test_a_late_placing_request_is_deemed_refused_two_months_after_it_was_received(received, refused):
    assert deemed_refused_on(date.fromisoformat(received), 2).isoformat() == refused


def test_a_jurisdiction_with_no_rules_has_no_round():
    assert dates("northern_ireland", "2027-primary") is None


@pytest.mark.parametrize("jurisdiction, round_id, born, group", [
    # England: reception in the September after the fourth birthday (31 August and 1 September either side)
    ("england", "2027-primary", date(2022, 9, 1), "normal"),
    ("england", "2027-primary", date(2023, 8, 31), "normal"),
    ("england", "2027-primary", date(2023, 9, 1), None),  # four on 1 September 2027: reception in 2028
    ("england", "2027-primary", date(2022, 8, 31), None),  # summer born: a year late only by asking
    ("england", "2027-secondary", date(2015, 9, 1), "normal"),
    ("england", "2027-secondary", date(2016, 9, 1), None),
    # Scotland: P1 in August for a fifth birthday from 1 March to the end of February (29 February kept)
    ("scotland", "2027-primary", date(2022, 3, 1), "normal"),
    ("scotland", "2027-primary", date(2023, 2, 28), "normal"),
    ("scotland", "2028-primary", date(2024, 2, 29), "normal"),
    ("scotland", "2027-primary", date(2023, 3, 1), None),
    ("scotland", "2027-primary", date(2021, 11, 20), "deferred"),  # not yet 5 in August 2026: deferred a year
    ("scotland", "2027-primary", date(2021, 6, 20), None),  # 5 before the school year began: no deferral
])
def test_a_childs_date_of_birth_is_in_the_rounds_age_group_or_not_by_the_rule_of_its_jurisdiction(
        jurisdiction, round_id, born, group):
    from chalicelib.handlers.schools.rules import age_group
    assert age_group(jurisdiction, round_id, born) == group
