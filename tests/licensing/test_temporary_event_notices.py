"""Temporary event notices (Licensing Act 2003 ss.100-107): the timing decided
in working days on the council's calendar at the moment the notice is given
(paid for), the yearly limits per premises and per premises user enforced
then, a race for the last notice of a year won by one, an event over the new
year counted in both years, and a refusal whose words say the limit and the law."""
import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook, as app.py does)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import VILLAGE_HALL, at, london, notice, paid, person, started, tally_at

HALL = "uprn-990000000301"


def test_a_notice_given_on_a_friday_ten_calendar_days_before_is_late_not_standard(deps, pay, york_types):
    friday = at(deps, london(2026, 6, 5, 10))
    case = paid(friday, started(friday, notice("2026-06-15")))  # Monday: only 5 working days between
    assert case.state == "given" and case.event["late"] is True and case.event["working_days_given"] == 5


def test_the_late_may_bank_holiday_makes_a_fortnights_notice_late(deps, pay, york_types):
    friday = at(deps, london(2026, 5, 15, 10))
    case = paid(friday, started(friday, notice("2026-06-01")))  # 25 May, a bank holiday, is not a working day
    assert case.event["late"] is True and case.event["working_days_given"] == 9
    friday_before = at(deps, london(2026, 5, 14, 10))
    case = paid(friday_before, started(friday_before, notice("2026-06-01")))
    assert case.event["late"] is False and case.event["working_days_given"] == 10


def test_a_notice_paid_just_after_midnight_is_too_late_refused_and_refunded_in_words_that_say_when(deps, pay,
                                                                                                      york_types):
    sunday = at(deps, london(2026, 6, 7, 23, 50))
    view = started(sunday, notice("2026-06-15"))  # on Sunday 7 June: 5 working days between, a late notice
    after_midnight = sunday.replace(clock=lambda: london(2026, 6, 8, 0, 5))
    case = paid(sunday, view, told_at=after_midnight)  # the provider's word arrives on Monday: 4
    assert case.state == "refused" and case.refused["code"] == "ten_too_late"
    assert "there are 4 working days between today and then" in case.refused["words"]
    assert "The last day to give one for this event was Sunday 7 June 2026" in case.refused["words"]
    payment = deps.payments.get(case.payment_id)
    assert payment.refunded == payment.amount == 2100


def test_objections_close_three_working_days_after_the_day_given_skipping_the_bank_holiday(deps, pay, york_types):
    friday = at(deps, london(2026, 5, 22, 15))
    case = paid(friday, started(friday, notice("2026-06-20")))
    objections = next(c for c in case.clocks if c["name"] == "objections")
    assert objections["last_day"] == "2026-05-28"  # Tue 26, Wed 27, Thu 28: Monday 25 May is a bank holiday


def refused_before_the_fee(ctx, body, pay):
    """The notice refused as it is started, in the words it would get when given: (code, words); nothing
    made, nothing asked of the provider."""
    asked = len(pay.payments)
    with pytest.raises(ApiError) as refused:
        started(ctx, body)
    assert refused.value.status == 422 and len(pay.payments) == asked
    error = refused.value.body()["error"]
    return error["code"], error["message"]


def test_the_sixteenth_notice_for_a_premises_in_2026_is_refused_in_words_naming_the_limit_and_nothing_is_charged(
        deps, pay, york_types):
    tally_at(deps, HALL, 2026, 14)
    first = at(deps, london(2026, 3, 2, 9))
    kept = started(first, notice("2026-05-23"))  # a draft kept while the year's last notice goes to another
    fifteenth = paid(first, started(first, notice("2026-04-18")))
    assert fifteenth.state == "given"
    code, words = refused_before_the_fee(first, notice("2026-05-16"), pay)
    assert code == "ten_premises_limit"
    # the premises counted by their address: the name given is often the event's, which had no notices
    assert "Main Street, Heslington, York YO10 5EA has had 15 temporary event notices for 2026 already" in words
    assert "(15, Licensing Act 2003 s.107(2)-(5))" in words and words.endswith("No fee has been taken.")
    from chalicelib.handlers.licensing.applying import pay as start_paying
    with pytest.raises(ApiError) as late:
        start_paying(first, kept["id"])
    assert late.value.body()["error"]["code"] == "ten_premises_limit"
    assert deps.licensing.get(kept["id"]).state == "draft" and deps.licensing.get(kept["id"]).payment_id is None


def test_in_2023_the_limit_was_twenty_so_the_twenty_first_was_refused_there(deps, pay, york_types):
    tally_at(deps, HALL, 2023, 19)
    spring = at(deps, london(2023, 3, 1, 9))
    assert paid(spring, started(spring, notice("2023-04-22"))).state == "given"  # the 20th
    code, words = refused_before_the_fee(spring, notice("2023-05-20"), pay)  # the 21st
    assert code == "ten_premises_limit" and "(20, " in words


def test_an_event_over_the_new_year_counts_against_next_years_limit_too(deps, pay, york_types):
    tally_at(deps, HALL, 2027, 15)  # 2027 full already; 2026 has room
    autumn = at(deps, london(2026, 11, 2, 9))
    code, words = refused_before_the_fee(autumn, notice("2026-12-31", start="20:00", hours=8), pay)
    assert code == "ten_premises_limit" and "for 2027 already" in words
    just_2026 = paid(autumn, started(autumn, notice("2026-12-31", start="20:00", hours=4)))  # ends at midnight
    assert just_2026.state == "given" and just_2026.event["days"] == ["2026-12-31"]


def test_twenty_one_days_of_events_at_one_premises_is_the_most_in_a_year(deps, pay, york_types):
    taken = [f"2026-07-{d:02d}" for d in range(1, 20)]  # 19 days covered already
    tally_at(deps, HALL, 2026, 3, days=taken)
    summer = at(deps, london(2026, 6, 1, 9))
    code, words = refused_before_the_fee(summer, notice("2026-08-07", start="10:00", hours=60), pay)  # 7-9 August
    assert code == "ten_days_limit" and "this one would make 22" in words
    overlapping = paid(summer, started(summer, notice("2026-07-19", start="10:00", hours=30)))  # 19 (held) and 20
    assert overlapping.state == "given"  # a day already covered is not counted twice: 20 days


def test_a_person_without_a_personal_licence_gives_at_most_five_notices_and_two_late(deps, pay, york_types):
    who = person()
    spring = at(deps, london(2026, 3, 2, 9), who)
    halls = [dict(VILLAGE_HALL, uprn=f"99000000040{n}", name=f"Hall {n}") for n in range(7)]
    given = [paid(spring, started(spring, notice(f"2026-0{4 + n // 4}-{10 + n}", premises=halls[n])))
             for n in range(5)]
    assert [c.state for c in given] == ["given"] * 5
    code, words = refused_before_the_fee(spring, notice("2026-06-20", premises=halls[5]), pay)
    assert code == "ten_user_limit" and "someone without a personal licence" in words


def test_two_giving_the_last_notice_of_the_year_for_one_hall_at_once_one_is_given(deps, pay, york_types):
    from chalicelib.handlers.licensing.applying import pay as start_paying
    from chalicelib.handlers.licensing.giving import decide
    from support.racing import at_once
    tally_at(deps, HALL, 2026, 14)
    moment = london(2026, 3, 2, 9)
    racers = [at(deps, moment) for _ in range(2)]
    cases = []
    for racer, day in zip(racers, ("2026-04-18", "2026-04-25")):
        view = started(racer, notice(day))
        start_paying(racer, view["id"])  # paying: the provider's word is what each racer then acts on
        cases.append(deps.licensing.get(view["id"]))
    outcomes = at_once(lambda n: decide(racers[n], cases[n], moment)[0], range(2))
    assert sorted(outcomes) == ["given", "refused"]
    loser = next(deps.licensing.get(c.id) for c, o in zip(cases, outcomes) if o == "refused")
    assert loser.refused["code"] == "ten_premises_limit" and "had 15 temporary event notices" in loser.refused["words"]
    assert loser.refused["words"].endswith("Your fee is refunded in full.")  # its fee taken before the race was lost
    count, _, _, notices, _ = deps.licensing.tallies([f"premises#{HALL}#2026"])[f"premises#{HALL}#2026"]
    assert count == 15 and len(notices) == 15


def test_an_event_for_more_than_499_people_or_168_hours_is_refused_before_any_payment(deps, pay, york_types):
    spring = at(deps, london(2026, 3, 2, 9))
    with pytest.raises(ApiError) as crowd:
        started(spring, notice("2026-04-18", people=500))
    assert crowd.value.status == 422 and "fewer than 500" in crowd.value.body()["error"]["fields"][0]["message"]
    with pytest.raises(ApiError) as long:
        started(spring, notice("2026-04-18", hours=169))
    assert "at most 168 hours" in long.value.body()["error"]["fields"][0]["message"]
    assert pay.payments == {} or len(pay.payments) == 0


def test_a_police_objection_in_its_window_stops_a_late_notice_and_sends_a_standard_one_to_a_hearing_but_not_after(
        deps, pay, york_types):
    from chalicelib.handlers.licensing import desk
    officer = person(800)
    friday = at(deps, london(2026, 6, 5, 10))
    late = paid(friday, started(friday, notice("2026-06-15")))  # objections until Wednesday 10 June
    standard = paid(friday, started(friday, notice("2026-06-27")))
    at_desk = deps.replace(clock=lambda: london(2026, 6, 10, 16), principal=officer)
    stopped = desk.answer_consultee(at_desk, late.id, "police", {"answer": "objection", "words": "Past trouble."},
                                    late.seq)
    assert stopped.state == "counter_notice"  # a late notice objected to cannot go ahead (s.104A)
    heard = desk.answer_consultee(at_desk, standard.id, "police", {"answer": "objection"}, standard.seq)
    assert heard.state == "objected"  # a standard one goes to a hearing (s.105)
    again = paid(friday, started(friday, notice("2026-07-04")))
    thursday = deps.replace(clock=lambda: london(2026, 6, 11, 9), principal=officer)
    with pytest.raises(ApiError) as too_late:
        desk.answer_consultee(thursday, again.id, "police", {"answer": "objection"}, again.seq)
    assert too_late.value.code == "objection_window_passed" and "until the end of Wednesday 10 June 2026" in too_late.value.message
