"""Reporting a missed bin on a phone: the property offers only the bins whose
collection can be reported today; the first resident's report is made, a
neighbour's for the same collection joins it."""
import re

from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import heading, sign_in


def a_demo_home_with_a_bin_to_report(stack):
    """The first demo address with a collection reportable today (the browser
    tests keep the real time; some round of the demo council always is)."""
    for n in range(1, 321):
        uprn = f"99{n:010d}"
        if stack.get(f"/v1/places/{uprn}/missed-bins")["containers"]:
            return uprn
    raise AssertionError("no demo address has a collection to report today")


def report_it(page, uprn):
    page.goto(f"/property?uprn={uprn}")
    page.get_by_role("link", name="Report a missed bin collection").click()
    heading(page, "Report a missed bin")
    page.locator("input[name=stream]").first.check()
    page.get_by_role("button", name="Report it").click()


def test_the_first_report_of_a_missed_bin_is_made_and_a_neighbour_s_joins_it(browser):
    stack = browser.stack
    uprn = a_demo_home_with_a_bin_to_report(stack)
    first, neighbour = stack.resident("missed.first@example.org"), stack.resident("missed.second@example.org")
    page = browser.new_page()
    sign_in(page, first, next_path=f"/missed-bin?uprn={uprn}")
    heading(page, "Report a missed bin")
    check_accessible(page, "missed bin")
    report_it(page, uprn)
    heading(page, "Missed bin reported")
    reference = re.search(r"DS-\w{6}", page.locator("#missed-reference").inner_text()).group(0)
    check_accessible(page, "missed bin reported")
    other = browser.new_page()
    sign_in(other, neighbour, next_path=f"/missed-bin?uprn={uprn}")
    heading(other, "Report a missed bin")
    report_it(other, uprn)
    heading(other, "Already reported")
    expect(other.locator("#missed-reference")).to_contain_text(reference)


def delivered(uprn, stream, on, request_id):
    """A container of `stream` the crew delivered to `uprn` on day `on`, as the store keeps one."""
    from datetime import datetime, timezone
    from chalicelib.handlers.containers.limits import DEFAULT_SETTINGS
    from chalicelib.storage.binding import model_of
    from chalicelib.storage.waste.containers import ContainerRequestModel
    from chalicelib.storage.records import ContainerRequest
    container = next(c for c in DEFAULT_SETTINGS["containers"] if c["stream"] == stream)
    now = datetime.now(timezone.utc)
    model_of(ContainerRequestModel, ContainerRequest(
        id=request_id, uprn=uprn, address="", container=container["id"], name=container["name"], stream=stream,
        round_id="", reason="damaged_by_crew", amount=0, depot="main", status="delivered", created_at=now,
        ended_at=now, delivered_on=on)).save()
    return container


def test_a_container_ordered_is_offered_from_the_collection_after_its_delivery_not_the_one_on_its_day(browser):
    from datetime import date, timedelta
    stack = browser.stack
    uprn = a_demo_home_with_a_bin_to_report(stack)
    offered = stack.get(f"/v1/places/{uprn}/missed-bins")["containers"]
    first = offered[0]
    day = date.fromisoformat(first["collection_date"])
    page = browser.new_page()
    sign_in(page, stack.resident("missed.ordered@example.org"), next_path=f"/missed-bin?uprn={uprn}")
    heading(page, "Report a missed bin")
    # One delivered on the collection's own day may have come after the crew: not offered for it.
    delivered(uprn, first["stream"], day.isoformat(), "CR-SAMEDY")
    page.reload()
    heading(page, "Report a missed bin")
    expect(page.locator("input[name=stream]")).to_have_count(len(offered))
    earlier = delivered(uprn, first["stream"], (day - timedelta(days=3)).isoformat(), "CR-BEFZRE")
    page.reload()
    heading(page, "Report a missed bin")
    choice = page.get_by_label(re.compile(f"^{re.escape(earlier['name'])}, delivered on"))
    expect(choice).to_have_count(1)
    expect(page.locator("input[name=stream]")).to_have_count(len(offered) + 1)
    check_accessible(page, "missed bin with a container ordered")
    choice.check()
    page.get_by_role("button", name="Report it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Missed bin reported|Already reported"))
