"""Two refunds of one payment racing, held at the exact moment that lost
1,500p under load (issue 62): the desk's block cancel names the 7 December
evening's 1,500p at the figure left after the club's own 14 December 1,500p,
so the provider refuses it while the club's is still to be made; the club's
is made in that gap and its answer is being recorded. The block's refund
must not take the club's as its own because it is the same size: each
session's refund is made once, by what it refunds."""
import threading

import pytest

from chalicelib.handlers.hire import routes  # noqa: F401  (registers the payment hook and effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401
from support.effects_support import dies_after_commit, run_stream  # noqa: F401
from support.hire_support import at
from support.pay_support import pay  # noqa: F401
from test_hire_desk_finished import SATURDAY_BEFORE, club_block, officer_at, refunds_at_provider  # noqa: F401
from chalicelib import tenancy

WAIT_S = 10  # a step's longest wait for the other; never reached when each does what it should


class Interleaving:
    """The club's refund (thread S) started the moment the block's first refund (the caller's thread) is
    refused, and S let go on only once it has made its refund at the provider (and is held there, before
    recording it, until the block's refund is settled) or is waiting its turn for the payment."""

    def __init__(self, monkeypatch, start_club):
        from chalicelib import faults
        from chalicelib.handlers.payments import asking, govuk_pay
        self.made_or_waiting, self.block_settled, self.club = threading.Event(), threading.Event(), None
        self.start_club, self.refused_once = start_club, False
        real_refund, real_pause, real_boundary = govuk_pay.GovukPay.refund, asking.pause, faults.boundary

        def refund(provider, *args):
            try:
                return real_refund(provider, *args)
            except govuk_pay.RefundMismatch:
                if threading.current_thread() is not self.club and not self.refused_once:
                    self.refused_once = True
                    self.club = threading.Thread(target=tenancy.carried(start_club))
                    self.club.start()
                    assert self.made_or_waiting.wait(WAIT_S)
                raise

        def boundary(name):
            if threading.current_thread() is self.club and name == "hire_refund.made":
                self.made_or_waiting.set()
                self.block_settled.wait(WAIT_S)
            return real_boundary(name)

        def pause(seconds):
            if threading.current_thread() is self.club:
                self.made_or_waiting.set()
            return real_pause(seconds)
        monkeypatch.setattr(govuk_pay.GovukPay, "refund", refund)
        monkeypatch.setattr(faults, "boundary", boundary)
        monkeypatch.setattr(asking, "pause", pause)


def test_a_block_refund_racing_a_same_sized_evening_refund_never_takes_it_for_its_own(
        deps, club_block, dies_after_commit, monkeypatch):
    from chalicelib.handlers.hire.block_cancel import cancel_block
    from chalicelib.handlers.hire.cancelling import cancel_session, settle_refund
    made, club = club_block
    dies_after_commit()  # each refund made below, in the order this test holds them to
    cancel_session(at(deps, SATURDAY_BEFORE, club), made["id"], "2027-12-14")
    cancel_block(officer_at(deps, SATURDAY_BEFORE), made["id"], {"reason": "The club has folded"})
    parts = {s["date"]: s["refund"]["part"] for s in deps.hire.get(made["id"]).sessions if s.get("refund")}
    assert (parts["2027-12-14"]["amount"], parts["2027-12-14"]["refund_amount_available"]) == (1500, 37000)
    assert (parts["2027-12-07"]["amount"], parts["2027-12-07"]["refund_amount_available"]) == (1500, 35500)
    now = at(deps, SATURDAY_BEFORE)

    def one(day):
        settle_refund(now, deps.hire.get(made["id"]), {"booking_id": made["id"], "session": day})
    held = Interleaving(monkeypatch, lambda: one("2027-12-14"))
    one("2027-12-07")  # refused at first (the club's is still to be made), and the club's started then
    held.block_settled.set()
    held.club.join(WAIT_S)
    assert not held.club.is_alive() and held.refused_once
    assert run_stream(deps, "hire_refund") == []  # the block's other five evenings
    assert sorted(refunds_at_provider(deps, made)) == [1500, 1500] + [3000] * 5  # each evening once
    payment = deps.payments.get(made["payment"]["id"])
    assert payment.refunded == 18000 and len({r["refund_id"] for r in payment.refunds}) == 7
    assert {s["date"]: s["refund"].get("made") for s in deps.hire.get(made["id"]).sessions if s.get("refund")} == {
        "2027-12-07": 1500, "2027-12-14": 1500, **{d: 3000 for d in (
            "2027-12-21", "2028-01-04", "2028-01-11", "2028-01-18", "2028-01-25")}}
