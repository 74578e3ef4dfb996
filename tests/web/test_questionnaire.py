"""A reporter's "has it been fixed?": from the link in their mail, some days
after the council fixed their report, to "no" reopening it; the screen is
accessible and fits the narrowest phone."""
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from playwright.sync_api import expect

from tests.web.browser import Browser, check_accessible
from tests.web.journeys import heading

MARYGATE = {"lat": 53.9625, "lon": -1.0890}
NARROW = {"width": 320, "height": 640}


def asked(stack, email):
    """A report by `email`, fixed by the council, its questionnaire sent; returns (report id, link)."""
    from chalicelib.handlers.questionnaires.sending import send_one
    from chalicelib.notify.deliver import deliver
    stack.resident(email)
    rid = stack.report(headers=stack.token(email), contact={"email": email}, description="Sunken drain cover",
                       **MARYGATE)["id"]
    stack.council_update(rid, "fixed", "Cover reset.")
    deps = stack.deps()
    deadline = time.monotonic() + 60  # a wait, not a timing: a busy machine is slower
    while (q := deps.questionnaires.get(rid)) is None:  # scheduled by the stream reader
        assert time.monotonic() < deadline, "no questionnaire was scheduled"
        time.sleep(0.1)
    later = datetime.now(timezone.utc) + timedelta(days=15)
    assert send_one(replace(deps, clock=lambda: later), q, later, deliver) == "sent"
    return rid, stack.link_in_mail(email, "/questionnaire")


def counted_answer(stack):
    """GET /v1/stats's satisfaction once the stream reader has counted an answer."""
    deadline = time.monotonic() + 60  # a wait, not a timing: a busy machine is slower
    while (answers := stack.get("/v1/stats")["satisfaction"]) is None:
        assert time.monotonic() < deadline, "the answer was never counted"
        time.sleep(0.1)
    return answers


def test_a_reporter_says_it_is_not_fixed_and_the_report_is_open_again(chromium, stack):
    rid, link = asked(stack, "drain.reporter@example.org")
    phone = Browser(chromium, stack, viewport=NARROW)
    page = phone.new_page()
    page.goto(link)
    heading(page, "Has it been fixed?")
    expect(page.locator(".caption")).to_contain_text(rid)
    check_accessible(page, "questionnaire")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= NARROW["width"]

    page.get_by_role("button", name="Send answer").click()
    expect(page.locator(".error-summary")).to_contain_text("Say whether it has been fixed.")
    check_accessible(page, "questionnaire with errors")

    page.get_by_label("No, it has not been fixed").check()
    page.get_by_label("2 – badly").check()
    page.get_by_label("Anything you want to tell the council").fill("The cover rocks again when cars pass.")
    page.get_by_role("button", name="Send answer").click()
    heading(page, "Report reopened")
    check_accessible(page, "questionnaire answered")
    assert stack.get(f"/v1/reports/{rid}")["status"] == "open"

    page.goto(link)  # the link again: the answer stands
    heading(page, "Report reopened")
    page.get_by_role("link", name="See the report").click()
    expect(page.locator(".tag")).to_have_text("Open")

    answers = counted_answer(stack)
    page.goto("/performance")
    satisfaction = page.locator("#satisfaction")
    expect(satisfaction).to_contain_text(f"{answers['responses']} people who reported a problem")
    satisfaction.get_by_text("the figures as a table").click()
    expect(satisfaction.get_by_role("row", name="2 – badly")).to_contain_text(str(answers["by_rating"]["2"]))
    check_accessible(page, "performance with satisfaction")
    phone.close()


def test_a_link_with_a_wrong_token_says_it_did_not_work(page):
    page.goto("/questionnaire?report=DS-222222&token=nope")
    heading(page, "This link did not work")
    expect(page.locator("#screen")).to_contain_text("No report DS-222222")
