"""Licences' reminders and renewals, on pinned clocks: a vehicle licence
granted on 29 February ends on 28 February and is reminded its type's days
before, once each however often the sweep runs (and once when the sweep is
killed after its write); a sweep that was down sends the one reminder nearest
the day, and nothing for a licence already ended; renewing fills in what the
holder gave and the renewal runs on from the old licence's last day; a
premises licence's annual fee falls on each anniversary of its grant, counted
from the grant (29 February again in 2032)."""
import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook and the effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import at, fee_paid, london, paid, person, started

CAB = {"name": "YO1 Cars, vehicle YK24 ABC", "address": "4 Acomb Road, York YO24 4EY"}
PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501"}


def officer(deps, moment):
    return deps.replace(clock=lambda: moment, principal=person(700))


def granted(deps, moment, type_id="taxi-vehicle", premises=CAB, band=None, holder=None):
    """A licence applied for, paid and granted at `moment` (London)."""
    from chalicelib.handlers.licensing import desk
    who = at(deps, moment, holder)
    body = {"type": type_id, "premises": premises, "applicant": {"name": "Priya Driver"}}
    if band:
        body["band"] = band
    case = paid(who, started(who, body))
    return desk.decide(officer(deps, moment), case.id, {"outcome": "granted", "reasons": "All checks passed."},
                       case.seq)


def sweep(deps, moment):
    from chalicelib.handlers.licensing.renewing import remind_due
    return remind_due(deps.replace(clock=lambda: moment))


def mails(case):
    from chalicelib.storage.outbox import OutboxStore
    return [m for m in OutboxStore().newest(100, to=case.applicant["email"]) if m.id.startswith("licence-reminder:")]


def test_a_vehicle_licence_granted_on_29_february_is_reminded_before_28_february_once_each_then_expires(
        deps, pay, york_types):
    from chalicelib.handlers.alerts.delivery import links_base
    from chalicelib.handlers.licensing.reading import register_one
    case = granted(deps, london(2028, 2, 29, 11))
    assert (case.licence["from"], case.licence["to"]) == ("2028-02-29", "2029-02-28")  # not 1 March, no error
    assert case.reminder["on"] == "2029-01-17"  # 42 days before 28 February
    assert sweep(deps, london(2029, 1, 16, 23, 59)) == 0 and mails(case) == []
    assert sweep(deps, london(2029, 1, 17, 0, 5)) == 1
    assert sweep(deps, london(2029, 1, 17, 0, 10)) == 0  # the next run, five minutes on: nothing more
    sent = mails(case)
    assert len(sent) == 1 and "ends on Wednesday 28 February 2029" in sent[0].subject
    assert f"{links_base(deps)}/licensing/cases/{case.id}?renew=1" in sent[0].body
    assert sweep(deps, london(2029, 2, 14, 6)) == 1 and sweep(deps, london(2029, 2, 15, 6)) == 0  # 14 days before
    assert len(mails(case)) == 2 and deps.licensing.get(case.id).reminder["kind"] == "expiry"  # no mail left
    assert sweep(deps, london(2029, 2, 28, 23, 59)) == 0 and deps.licensing.get(case.id).licence["state"] == "current"
    assert sweep(deps, london(2029, 3, 1, 0, 5)) == 0  # the day after its last: expired, with no mail
    ended = deps.licensing.get(case.id)
    assert ended.licence["state"] == "expired" and ended.reminder is None
    assert register_one(deps.replace(principal=None), case.id)["licence_state"] == "expired"


def test_a_sweep_that_was_down_sends_the_nearest_reminder_only_and_none_for_a_licence_already_ended(deps, pay,
                                                                                                    york_types):
    late = granted(deps, london(2026, 1, 31, 10))  # ends 31 January 2027: 42 days before is 20 December
    assert late.licence["to"] == "2027-01-31"
    assert sweep(deps, london(2027, 1, 25, 9)) == 1  # both the 42- and 14-day days have passed: one mail
    assert sweep(deps, london(2027, 1, 25, 9, 5)) == 0  # not the 14-day one next: it was that one
    assert len(mails(late)) == 1 and mails(late)[0].id.endswith(":14")
    ended = granted(deps, london(2026, 3, 31, 10))  # ends 31 March 2027, its reminders never swept
    assert sweep(deps, london(2027, 4, 1, 9)) == 0 and mails(ended) == []
    assert deps.licensing.get(ended.id).reminder is None and deps.licensing.get(ended.id).licence["state"] == "expired"
    assert deps.licensing.get(late.id).licence["state"] == "expired"  # the same run: its day had passed too
    assert deps.licensing.reminders_by("2099-01-01") == []
    with pytest.raises(ApiError) as expired:
        from chalicelib.handlers.licensing.renewing import renew
        renew(at(deps, london(2027, 4, 1, 9), _holder(ended)), ended.id)
    assert expired.value.status == 409 and expired.value.code == "licence_expired"


def _holder(case):
    from chalicelib.auth.principal import Principal
    return Principal(user_id=case.user_id, role="resident", email=case.applicant["email"])


def test_a_sweep_killed_after_its_write_sends_one_mail_when_the_stream_and_a_second_run_follow(deps, pay, york_types,
                                                                                               monkeypatch):
    from chalicelib.handlers.shared import effects
    case = granted(deps, london(2028, 2, 29, 11))
    written = []
    monkeypatch.setattr(effects, "first_try", lambda d, events: written.extend(events))  # died before its effects
    assert sweep(deps, london(2029, 1, 17, 8)) == 1 and mails(case) == []
    monkeypatch.undo()
    assert sweep(deps, london(2029, 1, 17, 8, 5)) == 0  # run again: the reminder had moved on with its event
    for _ in range(2):  # the stream delivers the event, and delivers it again
        effects.carry_out(deps.replace(clock=lambda: london(2029, 1, 17, 8, 6)), written[0])
    assert len(mails(case)) == 1


def test_renewing_fills_in_what_the_holder_gave_and_the_renewal_runs_on_from_the_old_licences_end(deps, pay,
                                                                                                  york_types):
    from chalicelib.handlers.licensing import desk
    from chalicelib.handlers.licensing.renewing import renew
    case = granted(deps, london(2028, 2, 29, 11))
    holder = at(deps, london(2029, 1, 20, 10), _holder(case))
    view, made = renew(holder, case.id)
    again, made_again = renew(holder, case.id)  # pressed twice: one renewal
    assert made and not made_again and again["id"] == view["id"] != case.id
    assert view["state"] == "draft" and view["premises"] == {"name": CAB["name"], "address": CAB["address"]}
    assert view["renews"] == {"case": case.id, "number": case.licence["number"], "to": "2029-02-28"}
    renewal = deps.licensing.get(view["id"])
    assert renewal.applicant == case.applicant and renewal.fee == case.fee and renewal.user_id == case.user_id
    renewal = paid(holder, view)
    decided = desk.decide(officer(deps, london(2029, 2, 10, 15)), renewal.id,
                          {"outcome": "granted", "reasons": "Vehicle passed its test."}, renewal.seq)
    assert (decided.licence["from"], decided.licence["to"]) == ("2029-02-28", "2030-02-28")  # not from 10 February
    assert sweep(deps, london(2029, 2, 14, 6)) == 0 and len(mails(case)) == 0  # renewed: no more reminders
    with pytest.raises(ApiError) as other:
        renew(at(deps, london(2029, 1, 20, 10)), case.id)  # someone else's licence
    assert other.value.status == 404


def test_a_premises_licences_annual_fee_falls_on_each_anniversary_of_its_grant(deps, pay, york_types):
    from chalicelib.handlers.licensing.renewing import renew
    case = granted(deps, london(2028, 2, 29, 11), type_id="premises-licence", premises=PUB, band="C")
    assert case.licence["to"] is None and case.reminder["kind"] == "annual_fee"
    dues = []
    for year in range(2029, 2033):
        reminder = deps.licensing.get(case.id).reminder
        dues.append(reminder["due"])
        assert sweep(deps, london(year, 2, 1, 9)) == 1  # 28 days before: 31 January, or 1 February in 2032
        fee_paid(deps, deps.licensing.get(case.id), london(year, 2, 2, 9))  # paid: next year's reminder follows
    assert dues == ["2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"]  # from the grant, not the last
    sent = mails(case)
    assert len(sent) == 4 and "£295.00" in sent[0].body and "Wednesday 28 February 2029" in sent[0].subject
    with pytest.raises(ApiError) as never:
        renew(at(deps, london(2029, 1, 2, 9), _holder(case)), case.id)
    assert never.value.code == "not_renewable"


def test_a_licence_suspended_is_not_reminded_and_reinstated_is_reminded_again(deps, pay, york_types):
    from chalicelib.handlers.licensing import desk
    case = granted(deps, london(2026, 5, 1, 10))
    case = desk.change_licence(officer(deps, london(2027, 3, 1, 9)), case.id,
                               {"action": "suspend", "reasons": "No insurance."}, case.seq)
    assert case.reminder is None and sweep(deps, london(2027, 3, 20, 9)) == 0  # its 42-day reminder's day
    case = desk.change_licence(officer(deps, london(2027, 3, 25, 9)), case.id,
                               {"action": "reinstate", "reasons": "Insurance shown."}, case.seq)
    assert case.reminder["on"] == "2027-04-17"  # the 14-day reminder: the 42-day one had passed
    assert sweep(deps, london(2027, 4, 17, 9)) == 1 and len(mails(case)) == 1


def test_two_renew_presses_at_once_make_one_renewal(deps, pay, york_types, monkeypatch):
    from chalicelib.handlers.licensing.renewing import renew
    from support.racing import Rounds
    case = granted(deps, london(2028, 2, 29, 11))
    holder = at(deps, london(2029, 1, 20, 10), _holder(case))
    rounds = Rounds(monkeypatch, deps.licensing, "get", 2)  # both read the licence, and find no renewal, together
    answers = rounds.race(lambda _: renew(holder, case.id), range(2))
    assert answers[0][0]["id"] == answers[1][0]["id"] and sorted(made for _, made in answers) == [False, True]


def test_a_scottish_taxi_drivers_renewal_granted_by_law_runs_on_from_the_old_licences_end(deps, pay):
    from chalicelib import tenancy
    from chalicelib.handlers.licensing.deeming import deem_due
    from chalicelib.handlers.licensing.renewing import renew
    from chalicelib.handlers.payments.govuk_pay import for_council
    from support.councils_support import add, north_lanarkshire, york
    from support.licensing_support import NL_TYPES, store_types
    add(deps, york(), north_lanarkshire())
    card_payments = for_council(deps)
    with tenancy.acting_for("north-lanarkshire"):
        here = deps.for_council().replace(payment_provider=card_payments)
        store_types(here, NL_TYPES)
        case = granted(here, london(2026, 8, 31, 10), type_id="taxi-driver",
                       premises={"address": "12 Main Street, Airdrie ML6 6AA"})
        assert case.licence["to"] == "2029-08-31"
        holder = at(here, london(2029, 6, 1, 10), _holder(case))
        renewal = paid(holder, renew(holder, case.id)[0])
        assert renewal.deemed_on == "2029-12-01"  # 6 months, Civic Government (Scotland) Act 1982 Sch. 1 para 4
        assert deem_due(here.replace(clock=lambda: london(2029, 12, 2, 0, 10))) == 1
        deemed = here.licensing.get(renewal.id)
        assert deemed.state == "deemed_granted"
        assert (deemed.licence["from"], deemed.licence["to"]) == ("2029-08-31", "2032-08-31")  # not 2 December
        assert deemed.reminder["on"] == "2032-07-02"  # 60 days before its own end
