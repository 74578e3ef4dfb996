"""Live questions in the browser: the chair's screen is open on a meeting being
webcast; a signed-in resident watching sends a question on the item now on,
showing their first name and ward; democratic services see it at the desk and
approve it, and it appears on the chair's screen and the resident's, pushed
over the socket with no reload, in a polite live region."""
from playwright.sync_api import expect

from bench.livequestions import live_meeting
from tests.web.browser import check_accessible
from tests.web.journeys import heading, sign_in

MEETING, ITEM = "9801", "980102"
TITLE = "Planning Committee: questions during the meeting"


def test_a_residents_question_is_approved_and_appears_on_the_chairs_screen_without_a_reload(browser):
    stack = browser.stack
    deps = stack.deps()
    live_meeting(deps, MEETING, ITEM)
    chair = browser.new_page()
    frames = []
    chair.on("websocket", lambda ws: ws.on("framereceived", lambda frame: frames.append(frame)))
    chair.goto(f"/meetings/{MEETING}/live?screen=chair")
    heading(chair, TITLE)
    expect(chair.locator("#live-now")).to_have_text("Now on item 4a: Land at Acomb Road: 40 homes")
    shown = chair.get_by_role("log", name="Questions the council has accepted")
    expect(shown).to_have_attribute("data-live", "socket")
    expect(chair.locator("#live-send")).to_have_count(0)  # the chair's screen shows, it does not ask

    phone = browser.new_page()
    sign_in(phone, stack.resident("ada.live@example.org", name="Ada Lovelace"), f"/meetings/{MEETING}/live")
    heading(phone, TITLE)
    phone.get_by_role("button", name="Send question").click()
    expect(phone.locator(".error-summary")).to_contain_text("Enter your question")
    phone.get_by_label("Your question about the item now being discussed").fill("Will the 40 homes have parking?")
    phone.get_by_label("Yes").check()
    phone.get_by_label("First name").fill("Ada")
    phone.get_by_label("Postcode").fill("YO1 7HH")
    phone.get_by_role("button", name="Send question").click()
    expect(phone.locator("#live-sent")).to_have_text(
        "Your question has been sent. It will show here if the council accepts it.")
    check_accessible(phone, "live questions")

    waiting = deps.live_questions.of_meeting(MEETING)
    assert [(q["question"], q["status"], q["name"]) for q in waiting] == [
        ("Will the 40 homes have parking?", "waiting", "Ada")]
    office = browser.new_page()
    sign_in(office, stack.resident("democratic.services@example.org", name="Sam Officer", role="staff"),
            f"/staff/meetings/{MEETING}/live-questions")
    heading(office, "Questions during the meeting")
    row = office.locator(".live-row", has_text="Will the 40 homes have parking?")
    expect(row).to_contain_text(f"Waiting · Ada, {waiting[0]['ward']}")
    expect(office.locator("#live-moderation")).to_have_attribute("data-live", "socket")
    check_accessible(office, "moderating live questions")
    row.get_by_role("button", name="Approve: Will the 40 homes have parking?").click()
    expect(office.locator("#live-status")).to_have_text("Approved: it is on the chair's screen.")
    question = shown.locator(".live-question")
    expect(question).to_contain_text("Will the 40 homes have parking?")
    expect(question).to_contain_text(f"Ada, {waiting[0]['ward']}")
    assert any("Will the 40 homes" in (f if isinstance(f, str) else f.decode()) for f in frames), \
        "shown, but no socket frame carried it"
    expect(phone.get_by_role("log", name="Questions the council has accepted")).to_contain_text(
        "Will the 40 homes have parking?")
    expect(office.locator(".live-row", has_text="Will the 40 homes")).to_contain_text("On the chair's screen")
    check_accessible(chair, "the chair's screen")
    # Their account lists it, named by its meeting and item, with what the moderator did with it (signed in
    # again: the officer's sign-in on this browser's other tab took the session the tabs share).
    sign_in(phone, "ada.live@example.org", "/account")
    mine = phone.locator("#my-taking-part li", has_text="A question sent during the webcast")
    expect(mine).to_contain_text("Planning Committee")
    expect(mine).to_contain_text("4a Land at Acomb Road: 40 homes")
    expect(mine).to_contain_text("shown on the chair's screen")
    expect(mine).to_contain_text("“Will the 40 homes have parking?”")
