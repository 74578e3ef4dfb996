"""Responses that race: counts add up exactly however many arrive at once,
and a signed-in resident's two tabs sending at once leave one response,
counted once (a conditional write decides, never a read then a write)."""
from chalicelib.errors import ApiError
from conftest import store_addresses
from support.consultation_support import DURING, YES, loaded, respond, resident
from support.racing import at_once


def test_twenty_anonymous_responses_at_once_are_each_counted_once(deps):
    store_addresses(deps)
    loaded(deps)
    at_once(lambda n: respond(deps, DURING, answers={**YES, "comments": f"at once {n}"}, client=f"198.51.100.{n}"),
            range(20))
    assert deps.consultations.counts("micklegate-parking") == ({"Micklegate": 20}, 20)


def test_two_tabs_sending_a_first_response_at_once_leave_one_counted_once(deps):
    store_addresses(deps)
    loaded(deps)
    ada = resident()

    def send(n):
        try:
            return respond(deps, DURING, principal=ada, answers={**YES, "comments": f"tab {n}"})[1]
        except ApiError as refused:
            return refused.code
    outcomes = at_once(send, range(2))
    # one made it; the other was refused as changed elsewhere, or (read after the first committed) replaced it
    assert outcomes.count(True) == 1 and set(outcomes) - {True} <= {"edit_conflict", False}
    assert deps.consultations.counts("micklegate-parking") == ({"Micklegate": 1}, 1)
