"""A consultation on a phone: a resident finds it, is told when it closes
before the first question, answers a page at a time with the forms' own
questions (the "no" branch), sends it, then signs in and changes it; and
a closed one's results page, with a small ward withheld (and the total with it), found from the
list of closed ones; and a signed-in resident asked nothing in error before responding, who finds
their response in My Account and changes it from there.

The browser keeps the real time (tests/support/pinned_clock.py): the
consultation is loaded to have opened a minute ago and close in a week."""
from datetime import timedelta

from playwright.sync_api import expect

from tests.web.browser import Browser, check_accessible
from tests.web.journeys import heading, sign_in
from support.officers import all_roles

NARROW = {"width": 360, "height": 740}


def _moment(moment):
    from chalicelib.handlers.consultations.timing import local
    return local(moment).strftime("%Y-%m-%dT%H:%M:%S%z")[:-2] + ":00"


def _open_now(stack, consultation_id, opened=timedelta(minutes=1), closes=timedelta(days=7),
              title="Parking on Bishophill"):
    from chalicelib.handlers.consultations.managing import load
    from doorstep_cli.consultations import DEMO
    from doorstep_cli.forms import operator
    import json
    deps = operator(stack.deps())
    now = deps.clock()
    data = json.loads((DEMO / "micklegate-parking.json").read_text())
    data.update(id=consultation_id, title=title, results_due=f"{(now + closes + timedelta(days=60)).date()}",
                opens=_moment(now - opened), closes=_moment(now + closes))
    load(deps, consultation_id, data, None)
    return deps


def _next(page, label):
    """Continue from the page asking `label`, once it is shown (a click before would press the last page's)."""
    expect(page.get_by_label(label)).to_be_visible()
    page.get_by_role("button", name="Continue").click()


def _respond_yes(page):
    """Respond from the consultation's page: "Yes", the optional pages passed over, sent."""
    page.get_by_role("link", name="Respond").click()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    _next(page, "Anything else you want to tell us?")
    _next(page, "Your email address")
    page.get_by_role("button", name="Send response").click()


def test_a_resident_responds_on_a_phone_then_signs_in_and_changes_theirs(chromium, stack):
    _open_now(stack, "bishophill-parking")
    page = Browser(chromium, stack, viewport=NARROW).new_page()
    page.goto("/consultations")
    heading(page, "Have your say")
    page.get_by_role("link", name="Parking on Bishophill").click()
    heading(page, "Parking on Bishophill")
    expect(page.locator("#consultation-notice")).to_contain_text("This consultation closes at")
    check_accessible(page, "consultation")
    page.get_by_role("link", name="Respond").click()
    expect(page.locator("#consultation-notice")).to_contain_text("This consultation closes at")
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Why do you not support it?").fill("Visitors to the shops\nneed somewhere to park.")
    page.get_by_role("button", name="Continue").click()
    _next(page, "Anything else you want to tell us?")  # optional
    _next(page, "Your email address")  # about you: optional
    heading(page, "Send your response")
    page.get_by_label("Your postcode").fill("nowhere")
    page.get_by_role("button", name="Send response").click()
    expect(page.locator(".error-summary")).to_contain_text("Enter a real postcode, like YO1 7HH")
    check_accessible(page, "consultation send with errors")
    page.get_by_label("Your postcode").fill("YO1 6JP")
    page.get_by_role("button", name="Send response").click()
    expect(page.locator("#consultation-sent")).to_contain_text("Your reference is CN-")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= NARROW["width"]

    email = stack.resident("consulted@example.org")
    sign_in(page, email, "/consultations/bishophill-parking")
    _respond_yes(page)
    expect(page.locator("#consultation-change-until")).to_contain_text("You can change your response until")
    page.goto("/consultations/bishophill-parking")
    expect(page.get_by_role("link", name="Change your response")).to_be_visible()
    page.get_by_role("link", name="Change your response").click()
    expect(page.get_by_label("Yes", exact=True)).to_be_checked()  # their response, to change


def test_the_results_page_says_what_was_done_and_withholds_a_small_ward(chromium, stack):
    import dataclasses
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.consultations.responding import respond_anonymously
    from chalicelib.handlers.consultations.results import publish
    deps = _open_now(stack, "closed-parking", opened=timedelta(days=2), closes=-timedelta(hours=1))
    during = dataclasses.replace(deps, clock=lambda: deps.clock() - timedelta(hours=2), client="192.0.2.50")
    respond_anonymously(during, "closed-parking", {"answers": {"support": "yes"}, "postcode": "YO1 6JP"}, None)
    staff = deps.replace(principal=Principal(user_id="officer", role="staff", roles=all_roles()))
    publish(staff, "closed-parking", {"summary": "One response.", "you_said": "Yes.",
                                      "we_did": "The zone starts in April.", "decision": {"url": "https://example.org/d"}},
            '"1"')
    page = Browser(chromium, stack, viewport=NARROW).new_page()
    page.goto("/consultations")  # closed ones are listed under the open ones, with their results
    heading(page, "Have your say")
    expect(page.locator("#consultations-closed")).to_contain_text("Parking on Bishophill")
    check_accessible(page, "consultations, open and closed")
    page.locator("#results-closed-parking").click()
    heading(page, "We asked, you said, we did")
    expect(page.locator("#results-wards")).to_contain_text("fewer than 10")
    expect(page.locator("#results-summary")).to_contain_text("One response.")
    # one ward withheld: so is the total, which would give it away
    expect(page.locator("#results-total-withheld")).to_contain_text("The total is not published")
    expect(page.get_by_role("heading", name="Responses by ward", exact=True)).to_be_visible()
    check_accessible(page, "consultation results")
    page.goto("/consultations/closed-parking")
    expect(page.locator("#consultation-results-words")).to_contain_text("We published the results on")
    expect(page.get_by_text("We will publish the results")).to_have_count(0)


def test_a_signed_in_resident_is_asked_nothing_in_error_before_responding_and_finds_it_in_my_account(chromium, stack):
    _open_now(stack, "fulford-parking", title="Parking on Fulford Road")
    page = Browser(chromium, stack, viewport=NARROW).new_page()
    failed = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    sign_in(page, stack.resident("fulford@example.org"), "/consultations/fulford-parking")
    heading(page, "Parking on Fulford Road")
    expect(page.get_by_role("link", name="Respond")).to_be_visible()  # asked whether they have responded: no
    expect(page.locator("#consultation-results-words")).to_contain_text("We will publish the results by")
    _respond_yes(page)
    expect(page.locator("#consultation-change-until")).to_be_visible()
    assert failed == []
    page.goto("/account")
    listed = page.locator("#my-consultation-responses")
    expect(listed).to_contain_text("Parking on Fulford Road")
    expect(listed).to_contain_text("(reference CN-")
    expect(listed).to_contain_text("Open: you can change your response until")
    check_accessible(page, "my account with a consultation response")
    page.get_by_role("link", name="Change your response to Parking on Fulford Road").click()
    expect(page.get_by_label("Yes", exact=True)).to_be_checked()
