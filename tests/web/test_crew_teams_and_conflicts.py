"""A crew sees its own team's jobs only; an update that meets a job someone
else changed (409 with the job as it is now) shows what changed and lets
the crew member send theirs on top or drop it; a job closed by someone else
says so. The update form works with the keyboard alone, and a phone that
asked for job pushes opens a new job from its push."""
import json
from urllib.parse import urlsplit

from playwright.sync_api import expect

# Imported with the module, before the stack binds storage to its moto server.
from tests.alerts.test_alerts_end_to_end import wait_for
from tests.support.push_service import PushService
from tests.web.browser import Browser
from tests.web.crew import NEAR_450_M, assigned_job, crew_member, job_card, officer, sign_in_crew, stored_job
from tests.web.desk import sign_in_by_keyboard, tab_to
from tests.web.journeys import heading
from tests.web.test_alerts import phone_with_push


def _phone(chromium, stack):
    return Browser(chromium, stack, geolocation=NEAR_450_M)


def _job_opened(phone, job_id):
    """A north crew member's phone showing the job."""
    page = phone.new_page()
    sign_in_crew(page, crew_member(phone.stack))
    page.goto(f"/crew/jobs/{job_id}")
    heading(page, "Pothole")
    return page


def test_a_crew_member_of_another_team_neither_sees_nor_opens_the_job_listed_by_due_date_without_a_position(
        chromium, stack):
    report, job_id = assigned_job(stack, officer(stack), "North's pothole, not for south")
    phone = Browser(chromium, stack, permissions=[])  # a phone that keeps its position to itself
    try:
        page = phone.new_page()
        sign_in_crew(page, crew_member(stack, "south"))
        expect(page.locator("#jobs-order")).to_contain_text("in order of their due date")
        expect(job_card(page, report["id"])).to_have_count(0)
        page.goto(f"/crew/jobs/{job_id}")
        heading(page, "Job not found")
    finally:
        phone.close()


def test_a_staff_change_made_before_the_update_is_sent_shows_what_changed_and_mine_goes_on_top(chromium, stack):
    by = officer(stack)
    report, job_id = assigned_job(stack, by, "Pothole whose instructions change", instructions="Cone it off.")
    phone = _phone(chromium, stack)
    try:
        page = _job_opened(phone, job_id)
        by.change(report["id"], instructions="Cone it off and sweep the chippings.", priority="urgent")
        page.get_by_label("Note").fill("On our way from the depot.")
        page.get_by_role("button", name="En route").click()
        conflict = page.locator(".conflict")
        expect(conflict).to_contain_text("The job changed before your update was sent")
        expect(conflict).to_contain_text("Your update: En route: On our way from the depot.")
        changed = conflict.locator(".summary-list__row", has_text="Instructions")
        expect(changed).to_contain_text("Cone it off.")
        expect(changed).to_contain_text("Cone it off and sweep the chippings.")
        expect(conflict.locator(".summary-list__row", has_text="Priority")).to_contain_text("Now: Urgent")
        expect(conflict).to_be_focused()
        assert stored_job(stack, job_id).updates in (None, [])

        conflict.get_by_role("button", name="Send mine on top").click()
        expect(page.locator(".conflict")).to_have_count(0)
        expect(page.locator("#history")).to_contain_text("On our way from the depot.")
        expect(page.locator("#instructions")).to_contain_text("sweep the chippings")
        [update] = stored_job(stack, job_id).updates
        assert update["status"] == "en_route" and update["note"] == "On our way from the depot."
    finally:
        phone.close()


def test_a_job_closed_by_someone_else_says_so_and_the_update_is_dropped(chromium, stack):
    by = officer(stack)
    report, job_id = assigned_job(stack, by, "Pothole staff close meanwhile")
    phone = _phone(chromium, stack)
    try:
        page = _job_opened(phone, job_id)
        by.change(report["id"], status="closed", public_update="Closed: the road is being resurfaced.")
        page.get_by_role("button", name="On site").click()
        expect(page.locator(".conflict")).to_contain_text("Someone else closed this job")
        expect(page.locator(".conflict").get_by_role("button", name="Send mine on top")).to_have_count(0)
        page.get_by_role("button", name="Drop my updates").click()
        expect(page.locator(".conflict")).to_have_count(0)
        expect(page.locator("#job-closed")).to_be_visible()
        expect(page.locator("#update-form")).to_be_hidden()
    finally:
        phone.close()


def test_a_crew_member_reports_a_job_they_cannot_do_with_the_keyboard_alone(chromium, stack):
    report, job_id = assigned_job(stack, officer(stack), "Pothole under a parked skip")
    phone = _phone(chromium, stack)
    try:
        page = phone.new_page()
        sign_in_by_keyboard(page, crew_member(stack))
        heading(page, "Jobs near you")
        link = job_card(page, report["id"]).get_by_role("link", name=f"Pothole ({report['id']})", exact=True)
        tab_to(page, link)
        page.keyboard.press("Enter")
        heading(page, "Pothole")
        tab_to(page, page.get_by_role("button", name="Accepted"))
        page.keyboard.press("Enter")
        expect(page.locator("#job-notice")).to_contain_text("Sent: Accepted.")
        expect(page.locator("#job-notice")).to_be_focused()

        tab_to(page, page.get_by_role("button", name="Unable to do"))
        page.keyboard.press("Enter")  # no reason yet
        summary = page.locator(".error-summary")
        expect(summary).to_contain_text("Say why the job cannot be done")
        expect(summary).to_be_focused()
        tab_to(page, summary.get_by_role("link"))
        page.keyboard.press("Enter")
        expect(page.get_by_label("Why it cannot be done")).to_be_focused()
        page.keyboard.type("A skip is parked over it; staff to ask the owner to move it.")
        tab_to(page, page.get_by_role("button", name="Unable to do"))
        page.keyboard.press("Enter")
        expect(page.locator("#job-closed")).to_have_text(
            "This job is closed: Unable to do (A skip is parked over it; staff to ask the owner to move it.).")
        job = stored_job(stack, job_id)
        assert [u["status"] for u in job.updates] == ["accepted", "unable"] and not job.open
        assert job.updates[1]["reason"] == "A skip is parked over it; staff to ask the owner to move it."
    finally:
        phone.close()


def test_a_crew_phone_asks_for_job_pushes_and_a_new_job_pushed_to_it_opens_from_its_link(chromium, stack):
    with PushService() as push_service:
        phone, subscriber = phone_with_push(chromium, stack, push_service, NEAR_450_M)
        try:
            page = phone.new_page()
            sign_in_crew(page, crew_member(stack))
            page.wait_for_function("() => navigator.serviceWorker.controller !== null")
            page.get_by_role("button", name="Tell me about new jobs").click()
            expect(page.locator("#push-status")).to_have_text("This phone will be told about your team's new jobs.")
            # urgent, and the phone told the API where it was: pushed as near, not just as new
            report, job_id = assigned_job(stack, officer(stack), "Pothole pushed to the north crew", priority="urgent")

            def pushed():
                """the new job's push reaches this phone"""
                return [r.payload for r in push_service.received if r.endpoint == subscriber.endpoint
                        and r.payload["url"].endswith(f"?job={job_id}")]
            [payload] = wait_for(pushed)
            assert payload["title"] == "Urgent job 450 m from you" and "Rita" not in json.dumps(payload)
            page.goto(urlsplit(payload["url"])._replace(scheme="", netloc="").geturl())  # the notification's tap
            heading(page, "Pothole")
            expect(page.locator("#job-report")).to_contain_text("Pothole pushed to the north crew")
        finally:
            phone.close()
