"""Ask us when nobody answers: a resident without an account asks from the
property screen and nobody takes it. The screen says their place in the
queue; after the configured time (two seconds here) it offers an answer by
e-mail or a phone call, by the screen's own timer with no reload; they leave
an address for the answer, the desk sees what was offered and chosen, and
the resident ends the chat and is asked the one question."""
import re

import pytest
from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import heading, screen, sign_in_by_keyboard
from tests.web.journeys import heading as phone_heading

DEMO_HOME = "990000000001"


@pytest.fixture
def quick_offer(monkeypatch):
    monkeypatch.setenv("DOORSTEP_CHAT_OFFER_AFTER_S", "2")  # read per request by the server in this process
    monkeypatch.setenv("DOORSTEP_CHAT_HOURS", "Mon-Sun 00:00-23:59")  # open whenever the suite runs
    monkeypatch.setenv("DOORSTEP_CHAT_PHONE", "01904 551550")


def test_a_resident_nobody_answers_sees_their_place_is_offered_e_mail_and_ends_the_chat(browser, desk, quick_offer):
    phone = browser.new_page()
    phone.goto(f"/property?uprn={DEMO_HOME}")
    phone.get_by_role("link", name="Ask us: chat with the council").click()
    phone_heading(phone, "Ask us")
    phone.get_by_label("Your name").fill("Bea Waiting")
    phone.get_by_label("Phone number").fill("07700 900456")
    phone.get_by_label("Your question").fill("When is my garden waste collected?")
    phone.get_by_role("button", name="Send").click()
    phone_heading(phone, "Your conversation with the council")
    expect(phone.locator("#chat-queue")).to_have_text(re.compile(r"You are number \d+ in the queue\."))
    offer = phone.locator("#chat-offer")
    expect(offer.get_by_role("heading", name="Still waiting?")).to_be_visible()  # the screen's timer, no reload
    expect(offer.get_by_role("link", name="Phone us on 01904 551550")).to_have_attribute("href", "tel:01904551550")
    screen(phone, "chat-waiting-offer")
    offer.get_by_role("button", name="Answer me by email").click()
    expect(offer.locator(".error-message, [id$='-error']").first).to_contain_text("Enter your email address")
    offer.get_by_label("Email address").fill("bea.waiting@example.org")
    offer.get_by_role("button", name="Answer me by email").click()
    expect(phone.locator("#chat-offer-status")).to_contain_text("We will send the answer to your email")
    log = phone.get_by_role("log", name="Messages")
    expect(log).to_contain_text("We will answer your question by email to bea.waiting@example.org")

    browser.stack.resident("wait.officer@example.org", name="Wes Officer", role="staff")
    office = desk.new_page()
    sign_in_by_keyboard(office, "wait.officer@example.org", "/sign-in?next=/staff/chat")
    heading(office, "Live chat")
    row = office.locator("#chat-waiting li", has_text="Bea Waiting")
    expect(row).to_contain_text("offered email or phone at")
    expect(row).to_contain_text("chose an answer by email")
    screen(office, "staff-chat-queue-offered")

    phone.get_by_role("button", name="End the chat").click()
    expect(log).to_contain_text("You ended the conversation.")
    expect(phone.get_by_role("group", name="How did we do?")).to_be_visible()
    expect(phone.locator("#chat-send")).to_be_hidden()
    expect(row).to_have_count(0)  # gone from the queue the desk shows
    screen(phone, "chat-ended")


def test_at_night_a_signed_in_resident_is_offered_email_at_once_with_their_address_and_the_offer_goes_once_chosen(
        browser, monkeypatch):
    from tests.web.browser import PASSWORD
    from tests.web.journeys import sign_in
    monkeypatch.setenv("DOORSTEP_CHAT_HOURS", "Mon-Sun 00:00-00:00")  # opens at midnight and closes at once: closed now
    stack = browser.stack
    email = "night.asker@example.org"  # registered, not yet verified: the conversation holds no address of theirs
    stack.post("/v1/auth/register", {"email": email, "password": PASSWORD, "name": "Nia Night"})
    phone = browser.new_page()
    sign_in(phone, email, next_path="/chat")
    phone_heading(phone, "Ask us")
    phone.get_by_label("Your question").fill("Can I change my bin day?")
    phone.get_by_role("button", name="Send").click()
    phone_heading(phone, "Your conversation with the council")
    desk_said = stack.get(phone.url.replace(stack.url, "").replace("/chat?id=", "/v1/conversations/"),
                          stack.token(email))["desk"]["answer_from_text"]
    expect(phone.locator("#chat-desk")).to_have_text(f"We are closed now. An officer will answer from {desk_said}.")
    offer = phone.locator("#chat-offer")
    expect(offer.get_by_role("heading", name="You do not have to wait here")).to_be_visible()  # at once, not minutes on
    expect(offer).not_to_contain_text("busy")
    expect(offer.get_by_label("Email address")).to_have_value(email)
    offer.get_by_role("button", name="Answer me by email").click()
    expect(phone.locator("#chat-offer-status")).to_contain_text("We will send the answer to your email")
    expect(offer.get_by_role("button")).to_have_count(0)  # the choice made, the offer is gone
