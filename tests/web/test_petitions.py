"""Petitions on a phone, with the keyboard alone: a resident starts one about a
crossing near a school, a sponsor signs through the link, staff publish it,
a neighbour finds it, signs and follows the e-mailed link, and the page
counts them, by ward too (a table and a map); the creator and a neighbour's e-mail follow it
without signing. axe-core finds nothing on any of its screens."""
import re

from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.desk import desk, tab_to  # noqa: F401  (desk: a fixture)
from tests.web.journeys import heading, sign_in


def type_into(page, label, text):
    tab_to(page, page.get_by_label(label, exact=True))
    page.keyboard.type(text)


def sign_form(page, name, email, postcode, button):
    type_into(page, "Full name", name)
    type_into(page, "Email address", email)
    type_into(page, "Postcode", postcode)
    tab_to(page, page.get_by_label("I live, work or study in the council's area"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name=button))
    page.keyboard.press("Enter")
    heading(page, "Check your email")


def confirm_by_mail(page, stack, email):
    link = stack.link_in_mail(email, "/petitions/confirm")
    page.goto(link.replace(stack.url, ""))


def every_phone_counts(monkeypatch):
    """Every phone and script here comes from 127.0.0.1: past the per-client
    limit their signatures would be suspect (tests/petitions proves that)."""
    monkeypatch.setenv("DOORSTEP_PETITION_CLIENT_LIMIT", "1000/60")


def test_a_petition_is_started_sponsored_published_signed_and_counted_with_the_keyboard_alone(browser, monkeypatch):
    every_phone_counts(monkeypatch)
    stack = browser.stack
    creator = stack.resident("petition.creator@example.org")
    page = browser.new_page()
    sign_in(page, creator, next_path="/petitions/new")
    heading(page, "Start a petition")
    check_accessible(page, "petition start")
    tab_to(page, page.get_by_role("button", name="Start petition"))
    page.keyboard.press("Enter")  # nothing typed: told what is missing
    expect(page.locator(".error-summary, [role=alert]").first).to_be_visible()
    check_accessible(page, "petition start errors")
    type_into(page, "What do you want the council to do?", "Put a zebra crossing outside Scarcroft School")
    type_into(page, "Why?", "Children cross a fast road at the school gate every morning.")
    tab_to(page, page.get_by_role("button", name="Start petition"))
    page.keyboard.press("Enter")
    heading(page, "Now find your sponsors")
    check_accessible(page, "petition sponsors link")
    link = page.locator("#sponsor-link").input_value()
    expect(page.get_by_role("button", name="Copy the link")).to_be_visible()  # not only a box to select from
    petition_id = re.search(r"PT-\w{6}", link).group(0)

    sponsor_page = browser.new_page()
    sponsor_page.goto(link.replace(stack.url, ""))
    heading(sponsor_page, "Put a zebra crossing outside Scarcroft School")
    check_accessible(sponsor_page, "petition sponsor")
    sign_form(sponsor_page, "Sam Sponsor", "sam.sponsor@example.org", "YO1 7HH", "Sponsor this petition")
    confirm_by_mail(sponsor_page, stack, "sam.sponsor@example.org")
    heading(sponsor_page, "Thank you for sponsoring this petition")
    # Not open yet, so in no list: said so, rather than a "See the petition" link to a list without it.
    expect(sponsor_page.locator("#petition-next")).to_contain_text("It is not open for signatures yet")
    expect(sponsor_page.get_by_role("link", name="See the petition")).to_have_count(0)
    token = link.rsplit("=", 1)[1]
    for n in range(4):  # four more sponsors, as their own phones would
        email = f"sponsor{n}@example.org"
        stack.post(f"/v1/petitions/{petition_id}/sponsors", {"name": f"Sponsor {n}", "email": email,
                                                              "postcode": "YO1 7HH", "in_area": True, "token": token})
        stack.post("/v1/signatures/confirm", {"token": stack.link_in_mail(email, "/petitions/confirm").rsplit("=", 1)[1]})
    staff = stack.token(stack.resident("petition.officer@example.org", role="staff"))
    queue = stack.get("/v1/staff/petitions", staff)["petitions"]
    assert [p["id"] for p in queue] == [petition_id]
    stack.post(f"/v1/staff/petitions/{petition_id}/publish", {"note": "Fine."}, {**staff, "If-Match": '"0"'})

    # A neighbour on a 360 px phone finds it from the home page with the keyboard alone.
    neighbour = browser.new_page()
    neighbour.set_viewport_size({"width": 360, "height": 740})
    neighbour.goto("/")
    heading(neighbour, "Your council")
    tab_to(neighbour, neighbour.get_by_role("link", name="Petitions"))
    neighbour.keyboard.press("Enter")
    heading(neighbour, "Petitions")
    check_accessible(neighbour, "petitions list")
    tab_to(neighbour, neighbour.get_by_role("link", name="Put a zebra crossing outside Scarcroft School"))
    neighbour.keyboard.press("Enter")
    heading(neighbour, "Put a zebra crossing outside Scarcroft School")
    expect(neighbour.locator("#signature-count")).to_have_text("5 signatures")
    check_accessible(neighbour, "petition page")
    sign_form(neighbour, "Nell Neighbour", "nell@example.org", "yo1 7hh", "Sign")
    check_accessible(neighbour, "petition check your email")
    confirm_by_mail(neighbour, stack, "nell@example.org")
    heading(neighbour, "Your signature has been counted")
    check_accessible(neighbour, "petition signature counted")
    assert neighbour.evaluate("() => document.documentElement.scrollWidth") <= 360
    neighbour.goto(f"/petitions/{petition_id}")
    expect(neighbour.locator("#signature-count")).to_have_text("6 signatures")
    expect(neighbour.locator("#by-ward")).to_contain_text("Signatures by ward")
    # The map of the same figures: the wards held, shaded, drawn once the page asks for them
    expect(neighbour.locator(".ward-legend")).to_contain_text("No signatures")
    expect(neighbour.locator(".ward-legend")).not_to_contain_text(re.compile(r"\b(\d+) to \1\b"))  # not "1 to 1"
    expect(neighbour.locator(".map .leaflet-overlay-pane path").first).to_be_attached()
    check_accessible(neighbour, "petition ward map")
    assert "nell@example.org" not in neighbour.content() and "Nell Neighbour" not in neighbour.content()

    follower = browser.new_page()  # the creator's signed-in context: follows with the account's e-mail
    follower.goto(f"/petitions/{petition_id}")
    heading(follower, "Put a zebra crossing outside Scarcroft School")
    tab_to(follower, follower.get_by_role("button", name="Follow", exact=True))
    follower.keyboard.press("Enter")
    expect(follower.locator("#follow-outcome")).to_contain_text("You follow this petition")
    check_accessible(follower, "petition followed")
    stack.post(f"/v1/petitions/{petition_id}/followers", {"email": "fred.follower@example.org"})
    follower.goto(stack.link_in_mail("fred.follower@example.org", "/petitions/follow?").replace(stack.url, ""))
    heading(follower, "You are following this petition")
    check_accessible(follower, "petition following by the email's link")
    follower.goto(f"/petitions/{petition_id}")
    expect(follower.locator("#signature-count")).to_have_text("6 signatures")  # a follower is not counted

    # `doorstep sign-petition`: residents sign at once through the API, counted only once their links are followed
    from doorstep_cli.petition_signers import sign_and_count
    result = sign_and_count(stack.url, petition_id, 20, threads=8, tag="journey")
    assert (result["before"], result["after_signing"], result["after_confirming"]) == (6, 6, 26)
    follower.goto(f"/petitions/{petition_id}")
    expect(follower.locator("#signature-count")).to_have_text("26 signatures")


def test_staff_moderate_respond_schedule_a_debate_and_invalidate_at_the_desk_with_the_keyboard_alone(desk, monkeypatch):
    from tests.web.desk import screen, sign_in_by_keyboard
    every_phone_counts(monkeypatch)
    stack = desk.stack
    resident = stack.token(stack.resident("petition.desk.creator@example.org"))
    made = stack.post("/v1/petitions", {"action": "Light the towpath between the two bridges",
                                        "background": "It is dark from four in winter and people fall."}, resident)
    token = made["sponsor_link"].rsplit("=", 1)[1]
    for n, domain in enumerate(["example.org"] * 3 + ["spam.example"] * 2):
        email = f"desk{n}@{domain}"
        stack.post(f"/v1/petitions/{made['id']}/sponsors", {"name": f"Desk {n}", "email": email, "postcode": "YO1 7HH",
                                                             "in_area": True, "token": token})
        stack.post("/v1/signatures/confirm",
                   {"token": stack.link_in_mail(email, "/petitions/confirm").rsplit("=", 1)[1]})
    page = desk.new_page()
    sign_in_by_keyboard(page, stack.resident("petition.desk.officer@example.org", role="staff"),
                        "/sign-in?next=/staff/petitions")
    heading(page, "Petitions")
    screen(page, "staff-petitions-queue")
    tab_to(page, page.get_by_role("link", name="Light the towpath between the two bridges"))
    page.keyboard.press("Enter")
    heading(page, "Light the towpath between the two bridges")
    screen(page, "staff-petition-to-moderate")
    tab_to(page, page.get_by_role("button", name="Publish petition"))
    page.keyboard.press("Enter")
    expect(page.locator("#response-form")).to_be_visible()
    screen(page, "staff-petition-open")
    tab_to(page, page.get_by_role("textbox", name="Response"))
    page.keyboard.type("We will light it this winter.")
    tab_to(page, page.get_by_role("button", name="Publish response and tell signers"))
    page.keyboard.press("Enter")
    expect(page.locator("#petition-audit")).to_contain_text("response posted")
    assert len(stack.mail_once("desk0@example.org", "The council has responded to a petition you signed")) == 1
    tab_to(page, page.get_by_label("Day", exact=True))
    page.keyboard.type("14")
    page.keyboard.press("Tab")
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    page.keyboard.type("2027")
    tab_to(page, page.get_by_label("Note for signers"))
    page.keyboard.type("Full council meets at the Guildhall at 6pm.")
    tab_to(page, page.get_by_role("button", name="Schedule debate and tell signers"))
    page.keyboard.press("Enter")
    expect(page.locator("#petition-audit")).to_contain_text("debate scheduled")
    screen(page, "staff-petition-debate-scheduled")
    debated = stack.mail_once("desk0@example.org", "A petition you signed will be debated")
    assert len(debated) == 1 and "2027-01-14" in debated[0].body
    tab_to(page, page.get_by_label("Email domain"))
    page.keyboard.type("spam.example")
    tab_to(page, page.get_by_role("button", name="Invalidate signatures"))
    page.keyboard.press("Enter")
    expect(page.locator("#invalidate-outcome")).to_have_text(
        "2 signatures invalidated, 2 taken off the count: 3 counted now.")
    screen(page, "staff-petition-invalidated")
