"""The planning sync at the desk: an officer sees that the register stopped
answering, how old residents' copy is, what the last runs asked, and the
warnings kept, in the desk's own words; axe finds nothing."""
from datetime import timedelta

from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, screen, sign_in_by_keyboard
from tests.web.test_planning import register, sync  # noqa: F401 (register: a fixture)


def test_an_officer_sees_the_register_stopped_and_the_copy_kept_with_its_age(desk, register):
    from chalicelib.deps import default_deps
    default_deps().planning.keep_state("health", {}, None)  # no earlier test's runs
    stack, clock = desk.stack, register.sync_clock
    assert sync(stack, clock)["stopped"] is None
    register.down = True
    clock.now += timedelta(days=3)
    sync(stack, clock)

    Officer(stack, "planning.desk@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "planning.desk@example.org", "/sign-in?next=/staff/planning/sync")
    heading(page, "The planning register's sync")
    expect(page.get_by_role("link", name="Planning sync")).to_have_attribute("aria-current", "page")
    expect(page.locator("#plansync-state")).to_contain_text("residents see the last copy")
    expect(page.locator("#plansync-summary")).to_contain_text("3 days")
    expect(page.locator("#plansync-summary")).to_contain_text("stopped after 1 request (")
    expect(page.locator("#plansync-warnings")).to_contain_text("The register did not answer")
    screen(page, "staff-planning-sync")


def test_an_officer_reads_which_application_came_without_its_status_and_that_its_copy_was_kept(desk, register):
    from chalicelib.deps import default_deps
    from support.planning_support import EXTENSION
    default_deps().planning.keep_state("health", {}, None)
    stack, clock = desk.stack, register.sync_clock
    assert sync(stack, clock)["stopped"] is None
    clock.now += timedelta(hours=7)
    register.decide(EXTENSION, "Approved")
    register.without = {"Status"}
    assert sync(stack, clock)["changed"] == 0

    Officer(stack, "planning.warned@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "planning.warned@example.org", "/sign-in?next=/staff/planning/sync")
    heading(page, "The planning register's sync")
    # Its own application's row: other journeys on this stack keep warnings of their own, and one made
    # at a later moment of its own clock (26/00444/FUL, from another journey's sync) was once the first row.
    warned = page.locator("#plansync-warnings tbody tr").filter(has_text="application 26/00412/FUL").first
    expect(warned).to_contain_text("The register's page had no status: our last copy of it was kept")
    screen(page, "staff-planning-sync-incomplete")
