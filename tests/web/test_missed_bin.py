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
