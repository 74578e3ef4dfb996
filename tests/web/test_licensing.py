"""Licensing on a phone: a neighbour finds a York pub's application on the
public register, reads the last day for representations, objects in time and
is told it went to the officers; the pub's own view and the register show what
the officer shared, never who objected; the licences page lists York's types
with the law's periods."""
import re

from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import heading

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501",
       "lat": 53.9592, "lon": -1.0801}


def pub_application(stack):
    """The pub's application to vary its licence, received today (its fee's payment is payments' own journey)."""
    import uuid
    from chalicelib.auth.principal import Principal
    from chalicelib.deps import default_deps
    from chalicelib.handlers.licensing.applying import receive, start
    deps = default_deps(stack.url).replace(principal=Principal(user_id="pub-landlord", role="resident",
                                                               email="landlord@example.org"))
    view, _ = start(deps, {"type": "premises-licence", "band": "C", "premises": PUB}, str(uuid.uuid4()))
    case = deps.licensing.get(view["id"])
    case.state, case.payment_id = "paying", "paid-elsewhere"
    deps.licensing.save(case, case.seq, was="draft")
    return receive(deps, deps.licensing.get(case.id), deps.clock()), deps


def test_a_neighbour_objects_in_time_from_the_register_and_is_not_named_to_the_pub(browser):
    case, deps = pub_application(browser.stack)
    page = browser.new_page()
    page.goto("/licensing")
    heading(page, "Licences")
    expect(page.locator("#type-premises-licence")).to_contain_text("28 days for representations")
    expect(page.locator("#type-temporary-event-notice")).to_contain_text("Licensing Act 2003 s.104(2)")
    page.get_by_role("link", name="See the public register of licences and applications").click()
    heading(page, "Licensing register")
    page.get_by_role("link", name="The Golden Fleece").first.click()
    heading(page, "The Golden Fleece")
    last = next(c["last_day"] for c in case.clocks if c["name"] == "representations")
    expect(page.get_by_role("heading", level=2)).to_contain_text("Make a representation by the end of")
    check_accessible(page, "licensing: one application on the register, with its representation form")
    page.get_by_role("button", name="Send representation").click()
    expect(page.locator(".error-summary")).to_contain_text("Enter your representation")
    page.get_by_label("Your representation").fill("Music from the yard until midnight keeps our children awake.")
    page.get_by_label("Preventing public nuisance").check()
    page.get_by_label("Your full name").fill("Ada Quietly")
    page.get_by_label("Your email address").fill("ada.quietly@example.org")
    page.get_by_label("Your address").fill("3 Lady Peckitt's Yard, York YO1 9SD")
    page.get_by_role("button", name="Send representation").click()
    expect(page.locator("#representation-sent")).to_contain_text("sent to the licensing officers")
    reps = deps.licensing.representations(case.id)
    assert [r.contact["name"] for r in reps][-1] == "Ada Quietly" and last
    from chalicelib.handlers.licensing.views import applicant_view
    shown = str(applicant_view(deps, deps.licensing.get(case.id), representations=reps))
    assert "Ada" not in shown and "Peckitt" not in shown
    register = page.request.get(f"{browser.stack.url}/v1/licensing/register.csv").text()
    assert "The Golden Fleece" in register and "Ada" not in register
    assert re.search(r"representations_until", register)


def test_a_north_lanarkshire_host_sees_scotlands_short_term_let_periods_and_staffordshire_names_the_district(
        stack, chromium):
    from urllib.parse import urlsplit
    from tests.web.browser import Browser
    port = urlsplit(stack.url).port
    host = Browser(chromium, stack, base_url=f"http://northlanarkshire.localhost:{port}")
    county = Browser(chromium, stack, base_url=f"http://staffordshire.localhost:{port}")
    try:
        page = host.new_page()
        page.goto("/licensing")
        heading(page, "Licences")
        let = page.locator("#type-short-term-let")
        expect(let).to_contain_text("28 days for objections and representations")
        expect(let).to_contain_text("a decision within 9 months, or the licence is granted by law")
        expect(page.locator("#type-occasional-licence")).to_contain_text("Police Scotland")
        expect(page.locator("#type-temporary-event-notice")).to_have_count(0)  # England's: not here
        check_accessible(page, "licensing: North Lanarkshire's licence types")
        page = county.new_page()
        page.goto("/licensing")
        expect(page.locator("#provided-elsewhere")).to_contain_text("Staffordshire County Council issues no licences")
    finally:
        host.close()
        county.close()
