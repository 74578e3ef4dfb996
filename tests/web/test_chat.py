"""Ask us: a signed-in resident on a phone asks from the property screen; an
officer at the desk sees it in the queue with the property, takes it and
answers with the keyboard alone; the answer is pushed over the socket to the
resident's log (a polite live region that leaves the focus where it was),
with no poll to wait for; a message typed without signal is sent once when
signal returns, and each side shows it once after the socket reconnects and
resumes. The officer then makes a missed-bin report from the conversation
(category, place and answers already filled from what was said), answers
with a response template that names it, links a report that exists, finds
the conversation again by the report, and the resident's account shows the
conversation and its reports."""
import time

from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import heading, screen, sign_in_by_keyboard, tab_to
from tests.web.journeys import heading as phone_heading
from tests.web.journeys import sign_in

DEMO_HOME = "990000000001"


class Wire:
    """What one page heard on its sockets and how often it polled: a message
    shown with a frame that carried it and no poll since the socket opened
    was pushed, however long a busy machine took to bring it."""

    def __init__(self, page):
        self.frames, self.polls = [], []
        page.on("websocket", lambda ws: ws.on("framereceived", lambda frame: self.frames.append(frame)))
        page.on("request", lambda r: r.method == "GET" and "/messages?after=" in r.url and self.polls.append(r.url))

    def pushed(self, log, text, polls_before):
        expect(log).to_contain_text(text)
        carried = [f for f in self.frames if text in (f if isinstance(f, str) else f.decode())]
        assert carried, f"{text!r} is shown but no socket frame carried it"
        assert self.polls[polls_before:] == [], f"polled while the socket was open: {self.polls[polls_before:]}"


def test_a_resident_asks_from_the_property_and_an_officer_answers_from_the_desk(browser, desk):
    stack = browser.stack
    phone = browser.new_page()
    phone_wire = Wire(phone)
    sign_in(phone, stack.resident("ada.chat@example.org", name="Ada Resident"), f"/property?uprn={DEMO_HOME}")
    phone.get_by_role("link", name="Ask us: chat with the council").click()
    phone_heading(phone, "Ask us")
    check_accessible(phone, "ask us")
    expect(phone.get_by_label("Your name")).to_have_count(0)  # signed in: the account says who is asking
    phone.get_by_label("Your question").fill("My grey bin was missed today.")
    phone.get_by_role("button", name="Send").click()
    phone_heading(phone, "Your conversation with the council")
    log = phone.get_by_role("log", name="Messages")
    expect(log).to_contain_text("My grey bin was missed today.")
    check_accessible(phone, "conversation")

    stack.resident("chat.officer@example.org", name="Sam Officer", role="staff")
    office = desk.new_page()
    office_wire = Wire(office)
    sign_in_by_keyboard(office, "chat.officer@example.org", "/sign-in?next=/staff/chat")
    heading(office, "Live chat")
    expect(office.locator("#chat-waiting")).to_have_attribute("data-live", "socket")  # nudged, not polled
    row = office.locator("#chat-waiting li", has_text="Ada Resident")
    expect(row).to_contain_text(f"property {DEMO_HOME}")
    screen(office, "staff-chat-queue")
    tab_to(office, row.get_by_role("button", name="Take the conversation with Ada Resident"))
    office.keyboard.press("Enter")
    heading(office, "Conversation with Ada Resident")
    expect(office.get_by_role("log", name="Messages")).to_contain_text("My grey bin was missed today.")
    screen(office, "staff-chat-conversation")

    office_log = office.get_by_role("log", name="Messages")
    for live in (log, office_log):  # a socket open on both sides: neither polls
        expect(live).to_have_attribute("data-live", "socket")
    phone.get_by_label("Your message").focus()  # the resident is typing when the answer comes
    tab_to(office, office.get_by_label("Answer"))
    office.keyboard.type("Sorry about that. Which street are you on?")
    tab_to(office, office.get_by_role("button", name="Send answer"))
    polled = len(phone_wire.polls), len(office_wire.polls)
    sent = time.monotonic()
    office.keyboard.press("Enter")
    phone_wire.pushed(log, "Which street are you on?", polled[0])
    print(f"\nanswer shown to the resident {time.monotonic() - sent:.2f} s after the officer pressed Send (socket)")
    expect(phone.get_by_label("Your message")).to_be_focused()  # the live region did not take the focus

    browser.context.set_offline(True)
    phone.get_by_label("Your message").fill("Micklegate, number 1.")
    phone.get_by_role("button", name="Send message").click()
    expect(phone.locator("#chat-pending")).to_contain_text("No signal")
    browser.context.set_offline(False)
    expect(log).to_contain_text("Micklegate, number 1.")
    expect(office_log).to_contain_text("Micklegate, number 1.")
    expect(log).to_have_attribute("data-live", "socket")  # reconnected, resumed from its cursor
    polled = len(phone_wire.polls), len(office_wire.polls)  # offline, the phone polled; live again, it must not
    # A missed-bin report from what was said: the category, the bin, the day and the place are filled in
    # already, so the officer only checks them and presses the button.
    report_form = office.locator("#chat-report")
    expect(office.get_by_label("Category")).to_have_value("missed_bin")
    expect(report_form.get_by_label("General waste (grey bin)")).to_be_checked()
    expect(report_form.get_by_label("Address of the property")).not_to_have_value("")
    expect(office.locator("#chat-report-place")).not_to_contain_text("No place")
    tab_to(office, office.get_by_role("button", name="Make the report"))
    office.keyboard.press("Enter")
    expect(office.locator("#chat-status")).to_contain_text("made from this conversation")
    reference = office.locator("#chat-context").inner_text().split(" · ")[-1]
    assert reference.startswith("DS-"), reference
    phone_wire.pushed(log, f"We have made report {reference}", polled[0])
    screen(office, "staff-chat-report-made")
    # A later answer, from a template that names the report, pushed after everything before it: by then
    # each side has shown all it ever will.
    tab_to(office, office.get_by_label("Response template"))
    office.get_by_label("Response template").select_option(label="Chat: missed bin logged")
    tab_to(office, office.get_by_role("button", name="Send answer"))
    office.keyboard.press("Enter")
    logged = f"We have logged it as {reference}"
    phone_wire.pushed(log, logged, polled[0])
    office_wire.pushed(office_log, logged, polled[1])
    expect(office_log.get_by_text("Micklegate, number 1.")).to_have_count(1)
    expect(log.get_by_text("Micklegate, number 1.")).to_have_count(1)
    expect(phone.locator("#chat-pending li")).to_have_count(0)

    # And a report that was there before, linked by its reference.
    earlier = stack.report(description="Bins left on the pavement after collection")["id"]
    tab_to(office, office.get_by_label("Report reference"))
    office.keyboard.type(earlier.lower())
    office.keyboard.press("Enter")
    expect(office.locator("#chat-status")).to_contain_text(f"Report {earlier} linked")
    phone_wire.pushed(log, f"This conversation is about report {earlier}", polled[0])

    tab_to(office, office.get_by_role("button", name="Close the conversation"))
    office.keyboard.press("Enter")
    phone.get_by_label("Good", exact=True).check()
    phone.get_by_role("button", name="Send rating").click()
    expect(phone.locator("#chat-rated")).to_contain_text("Thank you")
    check_accessible(phone, "conversation rated")

    # Later, at the desk: the conversation is found by the report made from it.
    office.goto("/staff/chat")
    heading(office, "Live chat")
    tab_to(office, office.get_by_label("Find a conversation"))
    office.keyboard.type(reference)
    office.keyboard.press("Enter")
    expect(office.locator("#chat-found")).to_contain_text("Ada Resident")
    check_accessible(office, "staff chat search")

    phone.goto("/account")
    phone_heading(phone, "Your account")
    mine = phone.locator("#my-conversations")
    expect(mine).to_contain_text("closed")
    for made in (reference, earlier):
        expect(mine.get_by_role("link", name=made)).to_be_visible()
    check_accessible(phone, "account with a conversation")
    phone.get_by_role("link", name="Your reports").click()
    expect(phone.locator("#my-reports")).to_contain_text(reference)  # the resident is its reporter
