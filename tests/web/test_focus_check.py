"""The focus check the journeys lean on (tests/web/browser.py): it remembers
looks that showed their focus, and still catches a screen whose focus ring
is taken away after the same stops passed."""
import pytest

from tests.web.browser import check_focus_visible, shown
from tests.web.journeys import heading


def take_the_focus_ring_away(page):
    """Every rule of the app's for the focus deleted, and the browser's own ring turned off:
    through the CSS object model, which the page's CSP leaves to scripts (a <style> tag it would refuse)."""
    page.evaluate("""() => {
        for (const sheet of document.styleSheets) {
            for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
                if ((sheet.cssRules[i].selectorText || "").includes(":focus")) sheet.deleteRule(i);
            }
        }
        document.styleSheets[0].insertRule("*:focus-visible { outline: none !important; }");
    }""")


def test_a_home_page_that_loses_its_focus_ring_fails_the_check_after_passing_it(browser):
    page = browser.new_page()
    shown(page, "/")
    heading(page, "Your council")
    assert check_focus_visible(page, "home") > 3
    check_focus_visible(page, "home again")  # every look remembered: nothing pictured, still passes
    take_the_focus_ring_away(page)
    with pytest.raises(AssertionError, match="pixels change with the focus"):
        check_focus_visible(page, "home without focus rings")
