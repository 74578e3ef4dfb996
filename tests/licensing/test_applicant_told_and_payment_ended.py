"""The desk's other changes reach the applicant (a hearing set, a licence
suspended or revoked), once each and never naming who made a
representation; and a payment that ended unpaid puts the case back to
draft through the one implementation forms use too, which answers 409 when
the case keeps changing under it rather than leaving it paying unseen."""
from types import SimpleNamespace

import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook and the effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import at, london, paid, person, started

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501",
       "lat": 53.9592, "lon": -1.0801}
OBJECTOR = {"name": "Ada Quietly", "email": "ada.quietly@example.org", "address": "3 Lady Peckitt's Yard, York"}


def officer(deps, moment):
    return deps.replace(clock=lambda: moment, principal=person(700))


def told(to, prefix):
    from chalicelib.storage.outbox import OutboxStore
    return [m for m in OutboxStore().newest(100, to=to) if m.id.startswith(prefix)]


def test_a_hearing_set_and_a_licence_suspended_then_revoked_are_told_to_the_applicant_once_each(deps, pay, york_types):
    from chalicelib.handlers.licensing import desk, representations
    from chalicelib.handlers.licensing.telling import tell_changed
    who = at(deps, london(2026, 11, 28, 11))
    case = paid(who, started(who, {"type": "premises-licence", "band": "C", "premises": PUB}))
    neighbour = deps.replace(clock=lambda: london(2026, 12, 10, 9), principal=None)
    rep_id, _ = representations.make(neighbour, case.id, dict(OBJECTOR, grounds="Late music every Friday."))
    desk_at = officer(deps, london(2027, 1, 4, 9))
    representations.check(desk_at, case.id, rep_id, True, "A neighbour is worried about late music.", None)
    case = desk.set_hearing(desk_at, case.id, {"day": "2027-01-26"}, deps.licensing.get(case.id).seq)
    hearing = told(case.applicant["email"], "licence-hearing_set:")
    assert len(hearing) == 1 and "Tuesday 26 January 2027" in hearing[0].body and case.id in hearing[0].body
    assert not {"Ada", "Quietly", "Peckitt", "ada.quietly", "Friday"} & set(hearing[0].body.replace(".", " ").split())
    assert told(OBJECTOR["email"], "licence-hearing_set:") == []  # the applicant's mail only
    case = desk.decide(desk_at, case.id, {"outcome": "granted", "reasons": "Conditions meet the concerns."}, case.seq)
    case = desk.change_licence(officer(deps, london(2027, 6, 1, 9)), case.id,
                               {"action": "suspend", "reasons": "The annual fee was not paid."}, case.seq)
    case = desk.change_licence(officer(deps, london(2027, 6, 2, 9)), case.id,
                               {"action": "reinstate", "reasons": "Paid."}, case.seq)
    suspended_event = SimpleNamespace(id="late-redelivery", kind="licence_suspended",
                                      payload={"case_id": case.id, "change": 1})
    assert tell_changed(desk_at, suspended_event)  # the stream late with the suspension: its own reasons still
    late = [m for m in told(case.applicant["email"], "licence-suspended:") if m.id.endswith(":late-redelivery")]
    assert "The annual fee was not paid." in late[0].body and "Paid." not in late[0].body
    case = desk.change_licence(officer(deps, london(2027, 9, 1, 9)), case.id,
                               {"action": "revoke", "reasons": "Serious crime on the premises."}, case.seq)
    mails = told(case.applicant["email"], "licence-")
    kinds = [m.id.split(":")[0] for m in mails if not m.id.startswith("licence-decided")]
    assert sorted(kinds) == ["licence-current", "licence-hearing_set", "licence-revoked", "licence-suspended",
                             "licence-suspended"]  # one each, and the redelivered one under its own event
    revoked = next(m for m in mails if m.id.startswith("licence-revoked:"))
    assert "has been revoked" in revoked.subject + revoked.body and "Serious crime" in revoked.body


class ChangingStore:
    """The cases' store as another writer keeps changing it: each save after the first `calm` conflicts."""

    def __init__(self, store, conflicts):
        self.store, self.conflicts, self.saves = store, conflicts, 0

    def get(self, case_id):
        return self.store.get(case_id)

    def save(self, case, expected, **kwargs):
        from chalicelib.storage.errors import EditConflict
        self.saves += 1
        if self.saves <= self.conflicts:
            raise EditConflict("case")
        return self.store.save(case, expected, **kwargs)


def test_a_failed_payment_puts_the_case_back_to_draft_and_answers_409_when_it_keeps_changing(deps, pay, york_types):
    from chalicelib.handlers.licensing.applying import back_to_draft, pay as pay_case
    who = at(deps, london(2026, 11, 28, 11))
    case = started(who, {"type": "taxi-driver", "premises": {"address": "4 Acomb Road, York"}})
    pay_case(who, case["id"])
    paying = deps.licensing.get(case["id"])
    assert paying.state == "paying"
    busy = ChangingStore(deps.licensing, conflicts=3)
    with pytest.raises(ApiError) as conflict:
        back_to_draft(who.replace(licensing=busy), paying.id, paying.payment_id, "failed")
    assert conflict.value.status == 409 and conflict.value.code == "edit_conflict" and busy.saves == 3
    assert deps.licensing.get(paying.id).state == "paying"  # nothing half done: tried again by the effect's retry
    twice = ChangingStore(deps.licensing, conflicts=2)
    back_to_draft(who.replace(licensing=twice), paying.id, paying.payment_id, "failed")
    assert deps.licensing.get(paying.id).state == "draft" and deps.licensing.get(paying.id).payment_status == "failed"
    back_to_draft(who, paying.id, "another-payment", "failed")  # a payment the case no longer waits for: left alone

