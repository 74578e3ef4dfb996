"""The Idox adapter reads Public Access as it answers, over HTTP: a session's
cookie and `_csrf`, the weekly list by its Monday and its pages, each
application's tabs by their labels; a page it cannot read is an error, never
data."""
import pytest

from chalicelib.handlers.planning.idox import pages
from chalicelib.handlers.planning.idox.client import IdoxPlanning
from chalicelib.handlers.planning.idox.polite import Gate
from chalicelib.handlers.planning.port import DECIDED, VALIDATED, PlanningError
from support.planning_support import APPEALED, EXTENSION, LAST_WEEK, THIS_WEEK, TWO_WEEKS_AGO
from support.planning_support import council_clock, public_access  # noqa: F401 (fixtures)


@pytest.fixture
def idox(public_access, council_clock):
    return IdoxPlanning(public_access.root, Gate("local", gap_s=0, clock=council_clock))


def test_a_weekly_list_posts_the_sessions_own_csrf_and_reads_every_page(public_access, idox):
    public_access.per_page = 2
    rows, skipped = idox.weekly_list(LAST_WEEK, DECIDED)
    assert sorted(r.reference for r in rows) == ["26/00366/FUL", "26/00397/FUL", "26/00402/TPO", "26/00421/TCA"]
    assert skipped == 0
    form_page, posted, *paged = public_access.calls
    assert form_page[1].endswith("/search.do") and posted[0] == "POST"
    session = next(iter(public_access.sessions.values()))
    assert len(public_access.sessions) == 1  # one JSESSIONID kept across the form, the POST and the pages
    assert posted[2]["_csrf"] == session["csrf"] and posted[2]["week"] == "16 Nov 2026"
    assert posted[2]["dateType"] == "DC_Decided"
    assert [p[2]["searchCriteria.page"] for p in paged] == ["2"]


def test_a_week_the_register_does_not_offer_is_refused_not_read_as_empty(idox):
    with pytest.raises(PlanningError) as refused:
        idox.weekly_list("2026-06-01", VALIDATED)
    assert refused.value.kind == "not_offered"


def test_an_application_is_read_from_its_summary_and_dates_tabs(idox):
    found = idox.application(APPEALED)
    assert (found.reference, found.decision, found.decided, found.appeal_status) == \
        ("26/00397/FUL", "Refused", "2026-11-19", "Appeal Lodged")
    assert (found.validated, found.consultation_ends) == ("2026-10-23", "2026-11-13")
    assert found.comment_link.endswith("activeTab=makeComment&keyVal=PA00HOU0006")
    empty_week = idox.weekly_list(TWO_WEEKS_AGO, DECIDED)
    assert empty_week == ([], 0)
    this_week, _ = idox.weekly_list(THIS_WEEK, VALIDATED)
    assert [r.reference for r in this_week] == ["26/00440/FUL"]


def test_labels_are_read_by_their_words_in_any_order_and_unknown_ones_left():
    page = pages.page(b"""<html><head><title>Summary</title></head><body><table id="simpleDetailsTable">
      <tr><th> Site  Address </th><td>1 Lane, York YO1 1AA</td></tr>
      <tr><th>Ward</th><td>Guildhall</td></tr>
      <tr><th>Case Officer</th><td>A. Planner</td></tr>
      <tr><th>Description</th><td>A shed</td></tr>
      <tr><th>Application Number</th><td>DC/26/1388/TCA</td></tr></table></body></html>""")
    assert pages.details(page) == {"address": "1 Lane, York YO1 1AA", "ward": "Guildhall", "proposal": "A shed",
                                   "reference": "DC/26/1388/TCA"}


def test_a_redesigned_page_is_a_changed_shape_and_an_error_page_with_200_is_the_register_failing(
        public_access, idox):
    public_access.changed = True
    with pytest.raises(PlanningError) as changed:
        idox.application(EXTENSION)
    assert changed.value.kind == "changed"
    public_access.changed, public_access.error_page = False, True
    with pytest.raises(PlanningError) as failing:
        idox.weekly_list(LAST_WEEK, VALIDATED)
    assert (failing.value.kind, failing.value.detail) == ("unreachable", "an error page served with 200")


def test_a_firewalls_challenge_page_is_blocked():
    with pytest.raises(PlanningError) as blocked:
        pages.page(b"<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>")
    assert blocked.value.kind == "blocked"
