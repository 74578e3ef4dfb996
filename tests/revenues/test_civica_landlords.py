"""The landlord's side of the Revenues port, the Civica adapter against the
local back office over real HTTP: a creditor on the session answers only
for the claims paid to it, a 2,000-line run comes in one call, and a change
reported twice with one key is kept once."""
import pytest

from chalicelib.handlers.revenues.landlord_port import dispute_by
from chalicelib.handlers.revenues.port import BackOfficeError
from doorstep_cli.local.civica_landlord_data import ASSOCIATION, SMALL
from support.revenues_support import civica, revenues  # noqa: F401 (fixtures)


def test_registering_facts_name_the_tenants_surname_only_for_a_claim_paid_to_that_landlord(revenues, civica):
    own = revenues.check_landlord(SMALL, "HB70002")
    other = revenues.check_landlord(SMALL, "HB50001")
    assert (own.name, own.bank_last4, own.tenant_surname) == ("Mr Piotr Gill", "0937", "Hughes")
    assert other.tenant_surname == ""


def test_an_unknown_creditor_costs_the_same_calls_as_a_known_one(revenues, civica):
    assert revenues.check_landlord("CR999999", "HB70002") is None
    unknown = list(civica.calls)
    civica.calls.clear()
    assert revenues.check_landlord(SMALL, "HB70002") is not None
    assert civica.calls == unknown == ["crmlogin", "llcheck"]


def test_the_housing_associations_last_run_holds_its_2000_claims_less_the_suspended_in_one_call(revenues, civica):
    with revenues.landlord_session(ASSOCIATION) as session:
        runs = session.runs()
        civica.calls.clear()
        last = session.run(runs[0].run_ref)
    assert civica.calls == ["llrun"]
    assert runs[0].paid_on == "2026-11-09" and runs[1].paid_on == "2026-10-12"  # four-weekly, a Monday
    assert last.line_count == runs[0].line_count == 1960  # every 50th claim suspended, not paid
    assert last.total == runs[0].total == sum(line.amount - line.recovered for line in last.lines)
    first = last.lines[0]
    assert (first.period_start, first.period_end, first.amount) == ("2026-10-12", "2026-11-08", 32_000)
    assert sum(1 for line in last.lines if line.recovered) == 20


def test_a_claim_shows_its_suspension_next_payment_and_overpayment_with_its_dispute_date(revenues):
    with revenues.landlord_session(ASSOCIATION) as session:
        claims = {claim.claim_ref: claim for claim in session.claims()}
    assert len(claims) == 2000
    suspended, recovered = claims["HB50050"], claims["HB50097"]
    assert (suspended.status, suspended.suspended_reason, suspended.next_payment_date) == (
        "suspended", "Tenant reported away from home", None)
    assert (recovered.status, recovered.next_payment_date, recovered.next_payment_amount) == (
        "live", "2026-12-07", recovered.weekly * 4)
    assert [(o.amount, o.recovered_on, o.dispute_by) for o in recovered.overpayments] == [
        (3_000, "2026-11-09", "2026-12-09")]


def test_a_landlord_session_cannot_read_another_landlords_run(revenues):
    with revenues.landlord_session(ASSOCIATION) as session:
        theirs = session.runs()[0].run_ref
    with revenues.landlord_session(SMALL) as session, pytest.raises(BackOfficeError) as refused:
        session.run(theirs)
    assert refused.value.kind == "refused"


def test_an_unknown_creditor_gets_no_session(revenues):
    with pytest.raises(BackOfficeError) as refused, revenues.landlord_session("CR999999"):
        pass
    assert refused.value.kind == "refused"


def test_a_change_sent_twice_with_one_key_is_kept_once_and_another_landlords_claim_is_refused(revenues, civica):
    change = {"date": "2026-11-20", "forwarding_address": "12 Acomb Road, York YO24 4EP"}
    with revenues.landlord_session(SMALL) as session:
        first = session.report_change("HB70002", "tenant_left", change, "key-1")
        again = session.report_change("HB70002", "tenant_left", change, "key-1")
        with pytest.raises(BackOfficeError) as refused:
            session.report_change("HB50002", "tenant_left", change, "key-2")
    assert first == again == "LC0000001"
    assert civica.landlords.count() == 1 and refused.value.code == "8"


@pytest.mark.parametrize("recovered, by", [("2026-01-31", "2026-02-28"), ("2028-01-31", "2028-02-29"),
                                           ("2026-12-15", "2027-01-15"), ("2026-03-31", "2026-04-30")])
def test_an_overpayment_can_be_disputed_for_one_calendar_month(recovered, by):
    assert dispute_by(recovered) == by
