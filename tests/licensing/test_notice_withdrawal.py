"""A temporary event notice withdrawn by its premises user (Licensing Act 2003 s.103), on pinned clocks: no later
than 24 hours before its event begins (a minute later, 422 in words saying when the last moment was); withdrawn,
it no longer counts toward s.107's limits, so the premises' and the user's places come back in every year its
event touches (the hall's last place of 2026 taken by another organiser after it), a day another notice holds is
kept, the fee is kept by the type's rule, and a withdrawal racing a notice given for the same hall leaves the
tally's count equal to its notices."""
import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook and the effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import at, holder_at, london, notice, paid, person, started, tally_at

HALL = "uprn-990000000301"


def tally(deps, key):
    return deps.licensing.tallies([key]).get(key) or (0, 0, [], [], 0)


def withdraw(deps, case, moment):
    from chalicelib.handlers.licensing.withdrawing import withdraw as withdrawing
    return withdrawing(holder_at(deps, case, moment), case.id, {"why": "The band cancelled."})


def test_a_notice_withdrawn_gives_back_its_place_in_both_years_it_touches_and_keeps_its_fee(deps, pay, york_types):
    tally_at(deps, HALL, 2026, 14)
    autumn = at(deps, london(2026, 11, 2, 9))
    case = paid(autumn, started(autumn, notice("2026-12-31", start="20:00", hours=8)))  # the hall's 15th of 2026
    assert case.state == "given" and case.event["days"] == ["2026-12-31", "2027-01-01"]
    with pytest.raises(ApiError) as full:
        started(at(deps, london(2026, 11, 3, 9)), notice("2026-12-12"))
    assert full.value.code == "ten_premises_limit"
    view = withdraw(deps, case, london(2026, 12, 30, 19, 59))  # 24 hours and a minute before
    assert view["state"] == "withdrawn" and view["decision"]["refund"] == "none"
    assert tally(deps, f"premises#{HALL}#2026")[:2] == (14, 0)  # its day kept: the 14 seeded notices' are unknown
    assert tally(deps, f"premises#{HALL}#2027")[:3] == (0, 0, [])
    for year in (2026, 2027):
        count, _, _, notices, _ = tally(deps, f"user#{case.user_id}#{year}")
        assert count == 0 and notices == []
    assert deps.payments.get(case.payment_id).refunded == 0  # York's notice keeps its fee (no refund rule)
    other = at(deps, london(2026, 11, 4, 9))
    assert paid(other, started(other, notice("2026-12-12"))).state == "given"  # the place given back is taken
    assert withdraw(deps, case, london(2026, 12, 30, 19, 59))["state"] == "withdrawn"  # again: as it is
    assert tally(deps, f"premises#{HALL}#2026")[0] == 15


def test_a_notice_is_not_withdrawn_within_24_hours_of_its_event_and_its_places_stay(deps, pay, york_types):
    spring = at(deps, london(2026, 3, 2, 9))
    case = paid(spring, started(spring, notice("2026-04-18", start="14:30")))
    with pytest.raises(ApiError) as late:
        withdraw(deps, case, london(2026, 4, 17, 14, 31))
    assert late.value.status == 422 and late.value.code == "ten_withdrawal_too_late"
    words = late.value.body()["error"]["message"]
    assert "14:30 on Saturday 18 April 2026" in words and "14:30 on Friday 17 April 2026" in words
    assert deps.licensing.get(case.id).state == "given" and tally(deps, f"premises#{HALL}#2026")[0] == 1


def test_a_day_another_notice_also_holds_stays_counted_for_the_premises(deps, pay, york_types):
    summer = at(deps, london(2026, 6, 1, 9))
    first = paid(summer, started(summer, notice("2026-07-19", start="10:00", hours=30)))  # 19 and 20 July
    second = at(deps, london(2026, 6, 1, 9), person())
    paid(second, started(second, notice("2026-07-20", start="18:00", hours=4)))  # 20 July, another organiser
    assert tally(deps, f"premises#{HALL}#2026")[2] == ["2026-07-19", "2026-07-20"]
    withdraw(deps, first, london(2026, 7, 1, 9))
    count, _, days, _, _ = tally(deps, f"premises#{HALL}#2026")
    assert count == 1 and days == ["2026-07-20"]  # the 19th given back; the 20th is the other notice's too


def test_a_withdrawal_and_a_notice_given_for_the_same_hall_at_once_leave_the_count_equal_to_its_notices(
        deps, pay, york_types, monkeypatch):
    from chalicelib.handlers.licensing.applying import pay as start_paying
    from chalicelib.handlers.licensing.giving import decide
    from support.racing import Rounds
    moment = london(2026, 3, 2, 9)
    first = at(deps, moment)
    case = paid(first, started(first, notice("2026-04-18")))
    racer = at(deps, moment)
    view = started(racer, notice("2026-04-25"))
    start_paying(racer, view["id"])
    waiting = deps.licensing.get(view["id"])
    rounds = Rounds(monkeypatch, deps.licensing, "tallies", 2)  # both read the hall's tally together
    def go(n):
        return decide(racer, waiting, moment)[0] if n else withdraw(deps, case, moment)["state"]
    assert sorted(rounds.race(go, range(2))) == ["given", "withdrawn"]
    count, _, days, notices, _ = tally(deps, f"premises#{HALL}#2026")
    assert (count, notices, days) == (1, [view["id"]], ["2026-04-25"])
