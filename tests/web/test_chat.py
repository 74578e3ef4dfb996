"""Ask us: a resident on a phone asks from the property screen; an officer at
the desk sees it in the queue with the property, takes it and answers with
the keyboard alone; the answer is pushed over the socket to the resident's log
(a polite live region that leaves the focus where it was), with no poll to
wait for; a message typed without signal is sent once when signal returns,
and each side shows it once after the socket reconnects and resumes."""
import time

from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import heading, screen, sign_in_by_keyboard, tab_to
from tests.web.journeys import heading as phone_heading

DEMO_HOME = "990000000001"


def test_a_resident_asks_from_the_property_and_an_officer_answers_from_the_desk(browser, desk):
    stack = browser.stack
    phone = browser.new_page()
    phone.goto(f"/property?uprn={DEMO_HOME}")
    phone.get_by_role("link", name="Ask us: chat with the council").click()
    phone_heading(phone, "Ask us")
    check_accessible(phone, "ask us")
    phone.get_by_label("Your name").fill("Ada Resident")
    phone.get_by_label("E-mail address").fill("ada.chat@example.org")
    phone.get_by_label("Your question").fill("My black bin was not emptied today.")
    phone.get_by_role("button", name="Send").click()
    phone_heading(phone, "Your conversation with the council")
    log = phone.get_by_role("log", name="Messages")
    expect(log).to_contain_text("My black bin was not emptied today.")
    check_accessible(phone, "conversation")

    stack.resident("chat.officer@example.org", name="Sam Officer", role="staff")
    office = desk.new_page()
    sign_in_by_keyboard(office, "chat.officer@example.org", "/sign-in?next=/staff/chat")
    heading(office, "Live chat")
    row = office.locator("#chat-waiting li", has_text="Ada Resident")
    expect(row).to_contain_text(f"property {DEMO_HOME}")
    screen(office, "staff-chat-queue")
    tab_to(office, row.get_by_role("button", name="Take the conversation with Ada Resident"))
    office.keyboard.press("Enter")
    heading(office, "Conversation with Ada Resident")
    expect(office.get_by_role("log", name="Messages")).to_contain_text("My black bin was not emptied today.")
    screen(office, "staff-chat-conversation")

    office_log = office.get_by_role("log", name="Messages")
    for live in (log, office_log):  # a socket open on both sides: neither polls
        expect(live).to_have_attribute("data-live", "socket")
    phone.get_by_label("Your message").focus()  # the resident is typing when the answer comes
    tab_to(office, office.get_by_label("Answer"))
    office.keyboard.type("Sorry about that. Which street are you on?")
    tab_to(office, office.get_by_role("button", name="Send answer"))
    sent = time.monotonic()
    office.keyboard.press("Enter")
    expect(log).to_contain_text("Which street are you on?", timeout=2000)  # under one poll's 2.5 s
    print(f"\nanswer shown to the resident {time.monotonic() - sent:.2f} s after the officer pressed Send (socket)")
    expect(phone.get_by_label("Your message")).to_be_focused()  # the live region did not take the focus

    browser.context.set_offline(True)
    phone.get_by_label("Your message").fill("Micklegate, number 1.")
    phone.get_by_role("button", name="Send message").click()
    expect(phone.locator("#chat-pending")).to_contain_text("No signal")
    browser.context.set_offline(False)
    expect(log).to_contain_text("Micklegate, number 1.", timeout=10_000)
    expect(office_log).to_contain_text("Micklegate, number 1.", timeout=10_000)
    expect(log).to_have_attribute("data-live", "socket", timeout=10_000)  # reconnected, resumed from its cursor
    # A later answer, pushed after everything before it: by then each side has shown all it ever will.
    office.get_by_label("Answer").fill("Thank you, a crew is on the way.")
    office.get_by_role("button", name="Send answer").click()
    expect(log).to_contain_text("a crew is on the way", timeout=2000)
    expect(office_log).to_contain_text("a crew is on the way", timeout=2000)
    expect(office_log.get_by_text("Micklegate, number 1.")).to_have_count(1)
    expect(log.get_by_text("Micklegate, number 1.")).to_have_count(1)
    expect(phone.locator("#chat-pending li")).to_have_count(0)

    tab_to(office, office.get_by_role("button", name="Close the conversation"))
    office.keyboard.press("Enter")
    phone.get_by_label("Good", exact=True).check(timeout=10_000)
    phone.get_by_role("button", name="Send rating").click()
    expect(phone.locator("#chat-rated")).to_contain_text("Thank you")
    check_accessible(phone, "conversation rated")
