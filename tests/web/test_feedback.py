"""How it went, from the resident who paid to the page that says what changed
(issue 72's first "Done means"): a resident pays a bill, says they were
dissatisfied and why; a bills officer reads it on the bills' feedback desk,
tags it and publishes what changed; the bill payment page then shows it."""
from playwright.sync_api import expect

from support.pay_support import SUCCESS
from tests.web.browser import Browser, check_accessible
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading as desk_heading, picture, say_why, screen, sign_in_by_keyboard
from tests.web.journeys import heading, sign_in
from tests.web.test_bulky import pay, pay_on_the_card_page  # noqa: F401 (pay: a fixture)
from tests.web.test_pay import bill_office  # noqa: F401 (a fixture)

WHY = "The card page timed out twice. My email is ada.resident@example.org if you need it."
CHANGED = "The card page now gives you 90 minutes, and says how long is left."


def starts_posted(page):
    """The service starts this page posts (a list the test reads after the event it waits for)."""
    posted = []
    page.on("request", lambda r: posted.append(r.post_data_json) if r.url.endswith("/v1/feedback/starts") else None)
    return posted


def test_a_dissatisfied_payer_is_read_by_the_bills_desk_which_tags_it_and_says_what_changed_on_the_pay_page(
        browser, desk, chromium, pay, bill_office):  # noqa: F811
    page = browser.new_page()
    starts = starts_posted(page)
    with page.expect_response(lambda r: r.url.endswith("/v1/feedback/starts")):
        page.goto("/pay")
    heading(page, "Pay a bill")
    expect(page.locator("#you-said")).to_have_count(0)  # nothing changed yet: nothing said
    page.get_by_role("link", name="Parking penalty charge notice (PCN)").click()
    page.get_by_label("PCN number").fill("CQ12345679")
    page.get_by_role("button", name="Continue", exact=True).click()
    expect(page.locator("#amount-due")).to_contain_text("£35.00")
    pay_on_the_card_page(page, SUCCESS, "£35.00")
    heading(page, "Payment received")
    assert starts == [{"service": "bills"}]  # once for the visit, however many of its screens were drawn

    question = page.locator("#feedback")
    expect(question.get_by_role("group", name="Overall, how did you feel about the service you received today?"))\
        .to_be_visible()
    check_accessible(page, "bill paid, with the feedback question")
    picture(page, "feedback-question")
    question.get_by_role("button", name="Send feedback").click()  # nothing chosen: said so, GOV.UK's way
    expect(page.locator(".error-summary")).to_contain_text("Choose how you felt about the service")
    check_accessible(page, "the feedback question unanswered")
    picture(page, "feedback-question-errors")
    question.get_by_label("Dissatisfied", exact=True).check()
    question.get_by_label("How could we improve this service?").fill(WHY)
    question.get_by_role("button", name="Send feedback").click()
    thanks = page.locator("#feedback-thanks")
    expect(thanks).to_contain_text("Thank you for your feedback")
    expect(thanks).to_contain_text("You can change your answer until")
    expect(page.locator(".error-summary")).to_have_count(0)
    check_accessible(page, "feedback sent")
    picture(page, "feedback-sent")

    office = desk.new_page()
    desk.stack.resident("bills.officer@example.org", name="Bea Bills", role="staff", roles=["revenues"])
    sign_in_by_keyboard(office, "bills.officer@example.org", "/sign-in?next=/staff")
    office.locator(".desk-menu").get_by_role("link", name="Feedback").click()
    desk_heading(office, "Feedback")
    office.get_by_role("link", name="Bills and payment links").click()
    desk_heading(office, "Feedback: Bills and payment links")
    answer = office.locator(".feedback-answer").first
    expect(answer).to_contain_text("Dissatisfied")
    expect(answer).to_contain_text("The card page timed out twice. My email is [removed] if you need it.")
    expect(answer).to_contain_text("Personal details were found and are hidden: email address")
    expect(office.locator("#feedback-weeks")).to_contain_text("1 answer")
    screen(office, "staff-feedback-bills")
    answer.get_by_role("button", name="Read as written").click()
    say_why(office, "Checking the address they gave is theirs")
    expect(answer.locator(".feedback-answer__whole")).to_contain_text(
        "As written: The card page timed out twice. My email is ada.resident@example.org if you need it.")
    # Another officer tags it while this one reads: theirs is shown, not overwritten, and added to.
    colleague = Officer(desk.stack, "bills.colleague@example.org")
    seen = colleague.call("GET", "/v1/staff/feedback/bills")[0]["answers"][0]
    colleague.call("PUT", f"/v1/staff/feedback/bills/answers/{seen['id']}/tags", {"tags": ["Refund"]},
                   {"If-Match": f'"{seen["version"]}"'})
    answer.get_by_label("Tags", exact=True).fill("card page, time out")
    answer.get_by_role("button", name="Save tags").click()
    expect(answer.get_by_role("alert")).to_contain_text("Another officer changed these tags")
    expect(answer.locator(".feedback-answer__tags")).to_have_text("refund")
    expect(answer.get_by_label("Tags", exact=True)).to_have_value("refund")
    answer.get_by_label("Tags", exact=True).fill("refund, card page, time out")
    answer.get_by_role("button", name="Save tags").click()
    expect(answer.get_by_role("status")).to_contain_text("Tags saved")
    expect(answer.locator(".feedback-answer__tags li")).to_have_text(["card page", "refund", "time out"])

    office.get_by_label("You said", exact=True).fill("The card page timed out before you could finish.")
    office.get_by_label("We did", exact=True).fill(CHANGED)
    office.get_by_role("button", name="Publish").click()
    expect(office.locator("#feedback-changes-list")).to_contain_text(CHANGED)

    # Another resident about to pay finds it on the page (the list is cached for 5 minutes, so a
    # phone that read it before the change sees it within those).
    phone = Browser(chromium, desk.stack)
    other = phone.new_page()
    other.goto("/pay")
    heading(other, "Pay a bill")
    said = other.locator("#you-said")
    expect(said).to_contain_text("You said: The card page timed out before you could finish.")
    expect(said).to_contain_text(f"We did: {CHANGED}")
    check_accessible(other, "pay a bill, with what changed")
    picture(other, "pay-you-said-we-did")
    phone.close()
    page.goto("/pay")
    heading(page, "Pay a bill")
    assert starts == [{"service": "bills"}]  # the payer's same visit: not counted again


def test_a_report_sent_asks_how_it_went_and_the_answer_is_changed_from_the_e_mails_page_the_same_day(browser):
    """The report's confirmation asks once it is sent; the page a confirmation message links to asks the
    same question of the same transaction, so an answer given there replaces the first (one per report)."""
    from tests.web.journeys import report_a_pothole
    page = browser.new_page()
    starts = starts_posted(page)
    report_a_pothole(page, "Pothole by the feedback journey", "Larger than a car tyre", "Ada Resident",
                     "ada.feedback@example.org")
    assert starts == [{"service": "reports"}]  # its first screen, once: none of its later steps
    question = page.locator("#feedback")
    question.get_by_label("Satisfied", exact=True).check()
    question.get_by_label("I would like a reply").check()
    question.get_by_role("button", name="Send feedback").click()  # a reply asked for, and no address for it
    expect(page.locator(".error-summary")).to_contain_text("Enter an email address for the reply")
    question.get_by_label("Email address for the reply").fill("ada.feedback@example.org")
    with page.expect_response(lambda r: r.url.endswith("/v1/feedback")) as first:
        question.get_by_role("button", name="Send feedback").click()
    assert first.value.status == 201 and first.value.json()["reply_asked"] is True
    expect(page.locator("#feedback-thanks")).to_be_focused()

    token = page.evaluate("() => JSON.parse(localStorage.getItem('doorstep.reports'))[0].feedback.token")
    page.goto(f"/feedback/give?service=reports&token={token}")
    heading(page, "Give feedback")
    expect(page.locator("#feedback-about")).to_have_text("About: Reporting a problem")  # the link may be days old
    check_accessible(page, "give feedback from a confirmation message")
    picture(page, "feedback-give")
    page.get_by_label("Very satisfied", exact=True).check()
    with page.expect_response(lambda r: r.url.endswith("/v1/feedback")) as changed:
        page.get_by_role("button", name="Send feedback").click()
    assert changed.value.status == 201 and changed.value.json()["rating"] == 5
    expect(page.locator("#feedback-thanks")).to_contain_text("Thank you for your feedback")

    page.goto("/feedback/give?service=reports&token=not-a-token")
    page.get_by_label("Neither satisfied or dissatisfied").check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator(".error-summary")).to_contain_text("That link does not ask about anything of this council's")


def test_a_halls_officer_pages_back_through_answers_and_reads_none_of_the_bills(desk):
    """Fifty answers a page, newest first, then "Older answers" from right after the last one shown; the
    bills' desk is another desk's (its refusal page, its API never asked)."""
    from chalicelib.handlers.feedback import answering, counting
    deps = desk.stack.deps()
    before = len(deps.feedback.answers("halls", limit=1000))  # another journey's on the halls' desk, if any
    for n in range(51):
        asked = counting.finished(deps, "halls", f"HB-PAGE{n:03d}", "assisted" if n % 3 else "online")
        answering.answer(deps, {"token": asked["token"], "rating": 1 + n % 5, "improve": f"Answer number {n}."})
    page = desk.new_page()
    asked_bills = []
    page.on("request", lambda r: asked_bills.append(r.url) if "/v1/staff/feedback/bills" in r.url else None)
    desk.stack.resident("halls.officer@example.org", name="Hana Halls", role="staff", roles=["halls"])
    sign_in_by_keyboard(page, "halls.officer@example.org", "/sign-in?next=/staff/feedback/halls")
    desk_heading(page, "Feedback: Hall and pitch hire")
    expect(page.locator(".feedback-answer")).to_have_count(50)
    expect(page.locator(".feedback-answer").first).to_contain_text("Answer number 50.")
    page.get_by_role("link", name="Older answers").click()
    expect(page.locator(".feedback-answer")).to_have_count(before + 1)
    expect(page.locator(".feedback-answer").first).to_contain_text("Answer number 0.")
    screen(page, "staff-feedback-older")
    page.get_by_role("link", name="Newest answers").click()
    expect(page.locator(".feedback-answer")).to_have_count(50)

    page.goto("/staff/feedback/bills")
    desk_heading(page, "Not one of your desks")
    page.goto("/staff/feedback")
    desk_heading(page, "Feedback")
    expect(page.locator("#feedback-services a")).to_have_text(["Hall and pitch hire"])
    screen(page, "staff-feedback")
    assert asked_bills == []


JOURNEYS = [  # each service's first screen online, and the service its start is counted in
    ("/report/category", "reports"), ("/pay", "bills"), ("/hire", "halls"), ("/bulky?uprn=990000000001", "bulky"),
    ("/containers?uprn=990000000001", "containers"), ("/garden?uprn=990000000001", "garden"),
    ("/forms/grant-enquiry", "forms"), ("/moving", "moving"), ("/appointments", "appointments"),
]


def test_each_services_first_screen_counts_one_start_the_api_takes_and_a_reload_counts_none(browser):
    """A start is posted and forgotten, so a service's name the API does not know would fail unseen: each
    one's answer is 204 here, once per visit (a reload of the same screen is the same visit)."""
    page = browser.new_page()
    sign_in(page, browser.stack.resident("starter@example.org"))
    heading(page, "Your account")
    for path, service in JOURNEYS:
        with page.expect_response(lambda r: r.url.endswith("/v1/feedback/starts")) as started:
            page.goto(path)
        assert (started.value.status, started.value.request.post_data_json) == (204, {"service": service}), path
    starts = starts_posted(page)
    for path, _ in JOURNEYS:
        page.goto(path)
        page.wait_for_selector("#screen h1")
    assert starts == []
