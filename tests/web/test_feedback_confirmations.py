"""Every transaction asks how it went on the screen the resident lands on once it is done (issue 72):
a hall booked and paid through the local GOV.UK Pay asks on the booking's page (and not while it waits for
its payment), and a form sent with no signal, sent later from the outbox, asks on its sent page with the
question it was sent with, kept on the phone beside its reference."""
import re

import pytest

from playwright.sync_api import expect

from support.pay_support import SUCCESS
from tests.web.browser import check_accessible
from tests.web.journeys import heading, sign_in
from tests.web.test_bulky import fill_the_card_page, pay  # noqa: F401 (pay: the provider, a fixture)
from tests.web.test_containers_and_hire import ask_for_the_main_hall, tuesdays_from

QUESTION = "Overall, how did you feel about the service you received today?"


def answer(page, rating, improve):
    """The confirmation's question answered; the API's answer to it (its service, its rating)."""
    question = page.locator("#feedback")
    expect(question.get_by_role("group", name=QUESTION)).to_be_visible()
    question.get_by_label(rating, exact=True).check()
    question.get_by_label("How could we improve this service?").fill(improve)
    with page.expect_response(lambda r: r.url.endswith("/v1/feedback")) as sent:
        question.get_by_role("button", name="Send feedback").click()
    expect(page.locator("#feedback-thanks")).to_contain_text("Thank you for your feedback")
    return sent.value.status, sent.value.json()


def passed_on(route, seen):
    """The API's answer passed on as it is, its body kept (the page leaves for the card page at once)."""
    answered = route.fetch()
    seen.append(answered.json())
    route.fulfill(response=answered)


def test_a_hall_booked_and_paid_asks_how_it_went_on_its_page_and_not_while_it_waits_for_payment(
        browser, pay):  # noqa: F811
    day = tuesdays_from(browser.stack.deps().clock())
    page = browser.new_page()
    sign_in(page, browser.stack.resident("hall.hirer@example.org"), next_path="/hire")
    ask_for_the_main_hall(page, "Tang Hall Knitters", day)
    made = []
    page.route("**/v1/hire/bookings", lambda route: passed_on(route, made))
    page.get_by_role("button", name="Check and pay").click()
    page.wait_for_url(re.compile(r"/secure/"))
    booking_id = made[0]["id"]

    waiting = browser.new_page()  # the booking's page while its card page is open: held, nothing asked
    waiting.goto(f"/hire/bookings/{booking_id}")
    heading(waiting, "Waiting for your payment")
    expect(waiting.locator("#sessions")).to_contain_text(f"{day:%A} {day.day} {day:%B}, 18:00 to 20:00")
    expect(waiting.locator("#feedback")).to_have_count(0)
    waiting.close()

    fill_the_card_page(page, SUCCESS, "£130.00")  # 2 hours at £15.00 and the £100.00 deposit
    heading(page, "Your booking is confirmed")
    check_accessible(page, "hall booking confirmed, with the feedback question")
    status, given = answer(page, "Very dissatisfied", "The card page asked for my address twice.")
    assert status == 201 and (given["service"], given["rating"]) == ("halls", 1)
    check_accessible(page, "hall booking confirmed, feedback sent")
    page.reload()  # the booking's page asks again (the same token: a second answer today replaces the first)
    heading(page, "Your booking is confirmed")
    expect(page.locator("#feedback").get_by_role("group", name=QUESTION)).to_be_visible()


@pytest.mark.installed
def test_a_form_sent_from_the_outbox_when_the_signal_returns_asks_how_it_went_on_its_sent_page(browser):
    from tests.web.test_forms import send_with_no_signal
    page = send_with_no_signal(browser)
    expect(page.locator("#feedback")).to_have_count(0)  # not sent yet: nothing to ask about
    browser.context.set_offline(False)
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    expect(page.locator("#form-sent")).to_contain_text("Form sent")
    check_accessible(page, "form sent, with the feedback question")
    status, given = answer(page, "Satisfied", "Saving it on the phone with no signal was a help.")
    assert status == 201 and (given["service"], given["rating"]) == ("forms", 4)
    check_accessible(page, "form sent, feedback sent")
    page.reload()  # drawn again from what the phone kept with its reference
    expect(page.locator("#form-sent")).to_contain_text("Form sent")
    expect(page.locator("#feedback").get_by_role("group", name=QUESTION)).to_be_visible()
