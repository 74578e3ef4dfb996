"""The Idox adapter against pages as councils' registers answered them (the
idox folder's fixtures): an application's three tabs over HTTP, each in the
table a real register renders it in, another council's labels, and results
pages of an older and a current release."""
from chalicelib.handlers.planning.idox import pages
from chalicelib.handlers.planning.idox.client import IdoxPlanning
from chalicelib.handlers.planning.idox.polite import Gate
from support.idox_pages import BRIGHTON_KEY, SavedRegister, saved
from support.planning_support import council_clock  # noqa: F401 (a fixture)

BRIGHTON_TABS = {(BRIGHTON_KEY, "summary"): "brighton_summary.html", (BRIGHTON_KEY, "details"): "brighton_details.html",
                 (BRIGHTON_KEY, "dates"): "brighton_dates.html"}


def test_an_application_is_read_from_a_real_registers_summary_further_information_and_dates(council_clock):
    with SavedRegister(BRIGHTON_TABS) as register:
        found = IdoxPlanning(register.root, Gate("saved", gap_s=0, clock=council_clock)).application(BRIGHTON_KEY)
    assert (found.reference, found.proposal, found.address) == (
        "BH2018/03004", "Fell 1no Eucalyptus", "132 Beaconsfield Villas Brighton BN1 6HE")
    assert (found.status, found.decision, found.decided, found.appeal_status) == ("Decided", "Approved", "2018-09-28", "")
    assert (found.received, found.validated, found.consultation_ends) == ("2018-09-28", "2018-09-28", "")
    assert (found.app_type, found.ward) == ("Trees in Conservation Areas", "Preston Park")  # Further Information's
    assert [tab for _, tab in register.calls] == ["summary", "dates", "details"]


def test_another_councils_summary_is_read_by_its_own_labels():
    cardiff = pages.details(pages.page(saved("cardiff_summary.html")))
    assert cardiff == {"reference": "19/00552/MNR", "received": "Thu 07 Mar 2019", "validated": "Thu 21 Mar 2019",
                       "address": "47 ELM STREET, ROATH, CARDIFF, CF24 3QS",
                       "proposal": "USE AS A (C4) 6 BEDROOM HOUSE IN MULTIPLE OCCUPATION", "status": "Withdrawn",
                       "decision": "Withdrawn by Applicant", "decided": "Mon 08 Apr 2019"}


def test_results_pages_of_an_older_and_a_current_release_are_read_row_by_row():
    brighton, skipped, following = pages.results(pages.page(saved("brighton_results.html")))
    assert [(r.key, r.reference, r.status, r.validated) for r in brighton] == [
        ("PFRW7ODM0P000", "BH2018/03004", "Decided", "2018-09-28"),
        ("PF8OT9DMH1H00", "BH2018/02896", "Decided", "2018-09-28"),
        ("PF7BC8DM0PA00", "BH2018/02890", "Withdrawn", "2018-09-13")]
    assert skipped == 0 and following == "/online-applications/pagedSearchResults.do?action=page&searchCriteria.page=2"
    norfolk, skipped, following = pages.results(pages.page(saved("south_norfolk_results.html")))
    assert [(r.key, r.reference, r.address) for r in norfolk] == [
        ("SSCKG1OQMLB00", "2025/0601", "John Innes Institute Colney Lane Colney Norfolk NR4 7UH"),
        ("SAL7UKOQ0QI00", "2024/0856", "Blofield Primary School East Side Of Plantation Road Plantation Road "
                                       "Blofield Norfolk")]
    assert norfolk[1].proposal.startswith("Discharge of Planning Condition No. 23 (Fire Water Tank and Hydrants)")
    assert (skipped, following) == (0, None)
