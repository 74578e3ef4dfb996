"""A premises licence's annual fee, on pinned clocks (Licensing Act 2003 s.55A): paid online from its reminder,
recorded once however often the provider's word arrives, and one payment for two presses at once; unpaid, the
five-minute job gives notice the day after it was due and suspends the licence after two whole working days,
counted on the council's calendar over Easter's bank holidays (a count in calendar days, or one that forgets the
bank holidays, suspends days too early); the register shows the licence suspended; paying lifts it that day; a
dispute by the fee's day holds the notice for 21 days; the fee paid as the job suspends leaves it current."""
import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hooks and the effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import at, fee_paid as pay_fee, holder_at as holder, london, paid, person, started

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501"}


def officer(deps, moment):
    return deps.replace(clock=lambda: moment, principal=person(700))


def granted(deps, moment):
    """York's premises licence, band C (annual fee £295), granted at `moment`."""
    from chalicelib.handlers.licensing import desk
    who = at(deps, moment)
    case = paid(who, started(who, {"type": "premises-licence", "premises": PUB, "band": "C",
                                   "applicant": {"name": "Pat Landlord"}}))
    return desk.decide(officer(deps, moment), case.id, {"outcome": "granted", "reasons": "No representations."},
                       case.seq)


def sweep(deps, moment):
    from chalicelib.handlers.licensing.renewing import remind_due
    return remind_due(deps.replace(clock=lambda: moment))


def fee_mails(case):
    from chalicelib.storage.outbox import OutboxStore
    return [m for m in OutboxStore().newest(100, to=case.applicant["email"])
            if m.id.startswith(("licence-fee:", "licence-suspended:", "licence-current:"))]


def register_state(deps, case, moment):
    from chalicelib.handlers.licensing.reading import register_one
    return register_one(deps.replace(clock=lambda: moment, principal=None), case.id)["licence_state"]


def refused(call):
    with pytest.raises(ApiError) as caught:
        call()
    return caught.value.status, caught.value.code


def test_the_annual_fee_is_paid_from_its_reminder_once_and_next_years_reminder_follows(deps, pay, york_types):
    from chalicelib.handlers.licensing.annual_fee import pay as pay_annual
    case = granted(deps, london(2026, 3, 24, 10))  # its fee due on 24 March each year, reminded 28 days before
    assert refused(lambda: pay_annual(holder(deps, case, london(2026, 9, 1, 9)), case.id)) == \
        (409, "annual_fee_not_payable")  # next year's fee is not taken months early
    assert sweep(deps, london(2027, 2, 24, 9)) == 1  # the reminder
    case, payment_id = pay_fee(deps, case, london(2027, 3, 1, 12), again=True)
    assert case.annual_fee["paid"]["2027-03-24"]["amount"] == 29500 and "paying" not in case.annual_fee
    assert case.reminder["due"] == "2028-03-24" and case.reminder["kind"] == "annual_fee"
    receipts = [m for m in fee_mails(case) if m.id.startswith("licence-fee:")]
    assert len(receipts) == 1 and "Monday 1 March 2027" in receipts[0].body  # s.55A(6): the day it was received
    assert refused(lambda: pay_annual(holder(deps, case, london(2027, 3, 2, 9)), case.id)) == \
        (409, "annual_fee_not_payable")  # next year's: not yet
    assert sweep(deps, london(2027, 3, 25, 0, 5)) == 0  # paid: no notice the day after it was due
    assert deps.licensing.get(case.id).licence["state"] == "current"
    assert deps.payments.get(payment_id).amount == 29500


def test_an_unpaid_fee_suspends_the_licence_after_two_whole_working_days_over_easter_and_paying_lifts_it(
        deps, pay, york_types):
    case = granted(deps, london(2026, 3, 24, 10))
    assert sweep(deps, london(2027, 2, 24, 9)) == 1  # the reminder; nothing paid
    assert sweep(deps, london(2027, 3, 24, 23, 59)) == 0  # its own day: not yet unpaid
    assert sweep(deps, london(2027, 3, 25, 0, 5)) == 1  # Thursday: the notice
    case = deps.licensing.get(case.id)
    # Good Friday and Easter Monday are not working days: Tuesday 30 and Wednesday 31 March are the two.
    assert case.annual_fee["notice"] == {"due": "2027-03-24", "given": "2027-03-25", "suspends_on": "2027-04-01"}
    notice = [m for m in fee_mails(case) if "suspended on Thursday 1 April 2027" in m.subject]
    assert len(notice) == 1 and "£295.00" in notice[0].body and f"/licensing/cases/{case.id}" in notice[0].body
    assert sweep(deps, london(2027, 3, 31, 23, 59)) == 0 and register_state(deps, case, london(2027, 4, 1, 0)) == \
        "current"
    assert sweep(deps, london(2027, 4, 1, 0, 5)) == 1 and sweep(deps, london(2027, 4, 1, 0, 10)) == 0
    case = deps.licensing.get(case.id)
    assert case.licence["state"] == "suspended" and case.annual_fee["owed"] == "2027-03-24"
    assert register_state(deps, case, london(2027, 4, 1, 9)) == "suspended"
    case, _ = pay_fee(deps, case, london(2027, 4, 6, 11))  # paid while suspended: lifted that day
    assert case.licence["state"] == "current" and case.licence["history"][-1]["action"] == "reinstate"
    assert "Tuesday 6 April 2027" in case.licence["history"][-1]["reasons"]
    assert case.reminder["due"] == "2028-03-24" and "owed" not in case.annual_fee
    assert register_state(deps, case, london(2027, 4, 6, 12)) == "current"
    told = [m.id.split(":")[0] for m in fee_mails(case)]
    assert told.count("licence-suspended") == 1 and told.count("licence-current") == 1


def test_paid_after_the_notice_but_before_its_day_the_licence_is_never_suspended(deps, pay, york_types):
    case = granted(deps, london(2026, 3, 24, 10))
    assert sweep(deps, london(2027, 3, 25, 8)) == 0  # a late sweep: the reminder's day passed unswept, no mail
    assert sweep(deps, london(2027, 3, 25, 8, 5)) == 1  # the next run: the fee unpaid, the notice
    case, _ = pay_fee(deps, deps.licensing.get(case.id), london(2027, 3, 31, 16))
    assert "notice" not in case.annual_fee and case.reminder["due"] == "2028-03-24"
    assert sweep(deps, london(2027, 4, 1, 0, 5)) == 0
    assert deps.licensing.get(case.id).licence["state"] == "current"


def test_two_presses_at_once_make_one_payment_for_the_fee(deps, pay, york_types, monkeypatch):
    from chalicelib.handlers.licensing.annual_fee import pay as pay_annual
    from support.racing import Rounds
    case = granted(deps, london(2026, 3, 24, 10))
    who = holder(deps, case, london(2027, 3, 1, 12))
    rounds = Rounds(monkeypatch, deps.licensing, "get", 2)  # both read the case, with no payment named, together
    answers = rounds.race(lambda _: pay_annual(who, case.id), range(2))
    assert answers[0][0]["payment"]["id"] == answers[1][0]["payment"]["id"]
    assert deps.licensing.get(case.id).annual_fee["paying"]["payment_id"] == answers[0][0]["payment"]["id"]


def test_a_success_for_a_fee_already_paid_is_refunded_in_full(deps, pay, york_types):
    from chalicelib.handlers.licensing import annual_fee
    from chalicelib.handlers.payments import core
    from support.pay_support import SUCCESS, pay_with
    case = granted(deps, london(2026, 3, 24, 10))
    case, _ = pay_fee(deps, case, london(2027, 3, 1, 12))
    stray = core.start(holder(deps, case, london(2027, 3, 1, 13)), purpose=annual_fee.PURPOSE, subject_id=case.id,
                       amount=29500, reference=case.id, description="a second tab's payment")
    back = pay_with(stray.next_url, SUCCESS)
    core.returned(holder(deps, case, london(2027, 3, 1, 13)), back.rsplit("/", 1)[1])
    assert deps.payments.get(stray.id).refunded == 29500
    assert list(deps.licensing.get(case.id).annual_fee["paid"]) == ["2027-03-24"]


def test_a_fee_disputed_by_its_day_is_noticed_only_after_21_days_grace_and_one_disputed_late_is_refused(
        deps, pay, york_types):
    from chalicelib.handlers.licensing.annual_fee import dispute
    case = granted(deps, london(2026, 3, 24, 10))
    later = granted(deps, london(2026, 3, 24, 11))
    why = {"why": "Our rateable value went down to band B in January."}
    assert sweep(deps, london(2027, 2, 24, 9)) == 2  # both reminded
    assert refused(lambda: dispute(holder(deps, later, london(2027, 3, 25, 0, 1)), later.id, why)) == \
        (422, "dispute_too_late")  # a minute after the day it was due
    assert dispute(holder(deps, case, london(2027, 3, 24, 23, 50)), case.id, why)["annual_fee"]["grace"] == \
        {"2027-03-24": "2027-04-14"}
    assert sweep(deps, london(2027, 3, 25, 0, 5)) == 1  # the later licence's notice only
    assert "notice" not in deps.licensing.get(case.id).annual_fee and \
        deps.licensing.get(later.id).annual_fee["notice"]["given"] == "2027-03-25"
    assert sweep(deps, london(2027, 4, 14, 12)) == 1  # the later licence suspended; the disputed one in its grace
    assert deps.licensing.get(later.id).licence["state"] == "suspended"
    assert "notice" not in deps.licensing.get(case.id).annual_fee
    sweep(deps, london(2027, 4, 15, 0, 5))  # the grace over, still unpaid: the notice
    assert deps.licensing.get(case.id).annual_fee["notice"] == {"due": "2027-03-24", "given": "2027-04-15",
                                                                "suspends_on": "2027-04-20"}  # Fri 16, Mon 19


@pytest.mark.parametrize("first_to_write", ("job", "payment"))
def test_the_fee_paid_as_the_job_suspends_leaves_the_licence_current_and_paid(deps, pay, york_types, monkeypatch,
                                                                              first_to_write):
    """Both read the case as it was (a barrier), then one writes first: the other's conditional write fails and
    it reads again (the hook) or leaves it to the next run (the job)."""
    import threading
    from chalicelib.handlers.licensing.annual_fee import pay as pay_annual
    from chalicelib.handlers.payments.core import returned
    from support.pay_support import SUCCESS, pay_with
    from support.racing import at_once
    case = granted(deps, london(2026, 3, 24, 10))
    sweep(deps, london(2027, 2, 24, 9))
    sweep(deps, london(2027, 3, 25, 0, 5))  # the notice: suspension from Thursday 1 April
    moment = london(2027, 4, 1, 0, 5)
    who = holder(deps, case, moment)
    back = pay_with(pay_annual(who, case.id)[0]["payment"]["next_url"], SUCCESS)  # paid; its word not yet told
    gate, written, store = threading.Barrier(2), threading.Event(), deps.licensing
    first = {"reminders_by": "job", "get": "payment"}
    real_save = store.save

    def held(name):
        real = getattr(store, name)

        def read(*args, **kwargs):
            out = real(*args, **kwargs)
            who_reads = first.pop(name, None)
            if who_reads:
                gate.wait(30)  # the job has read the case due, the payment's hook has read it unpaid
                if who_reads != first_to_write:
                    written.wait(30)  # and this one writes second
            return out
        return read

    def save(*args, **kwargs):
        try:
            return real_save(*args, **kwargs)
        finally:
            written.set()
    for name in ("reminders_by", "get"):
        monkeypatch.setattr(store, name, held(name))
    monkeypatch.setattr(store, "save", save)
    at_once(lambda n: sweep(deps, moment) if n else returned(who, back.rsplit("/", 1)[1]), range(2))
    now = deps.licensing.get(case.id)
    assert now.licence["state"] == "current" and "2027-03-24" in now.annual_fee["paid"]
    assert "owed" not in now.annual_fee and now.reminder["due"] == "2028-03-24"
