"""A crew member's day without signal: the job near them is on the list with
its distance; offline they press "on site", then "done" with an after photo
and a note; back in signal the phone sends both in order, each with the
moment it was pressed, and the report is fixed exactly once."""
from datetime import datetime, timezone

from playwright.sync_api import expect

from tests.web.browser import Browser
from tests.web.crew import NEAR_450_M, assigned_job, crew_member, job_card, officer, sign_in_crew, stored_job
from tests.web.journeys import heading, phone_photo


def _seconds(iso):
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def test_a_crew_member_closes_a_job_offline_and_the_report_is_fixed_once_when_the_signal_returns(
        chromium, stack, tmp_path):
    report, job_id = assigned_job(stack, officer(stack), "Pothole fixed by a crew without signal",
                                  instructions="Bring the cold-lay tarmac.")
    phone = Browser(chromium, stack, geolocation=NEAR_450_M, service_workers="allow")
    try:
        page = phone.new_page()
        sign_in_crew(page, crew_member(stack))
        heading(page, "Jobs near you")
        card = job_card(page, report["id"])
        expect(card).to_contain_text("450 m away")
        expect(card.get_by_role("link", name="Navigate to")).to_have_attribute("href", "geo:53.962300,-1.081900")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        card.get_by_role("link", name=f"Pothole ({report['id']})", exact=True).click()
        heading(page, "Pothole")
        expect(page.locator("#instructions")).to_contain_text("Bring the cold-lay tarmac.")
        expect(page.locator("#job-report")).to_contain_text("Pothole fixed by a crew without signal")
        expect(page.locator("#job-report")).not_to_contain_text("Rita")  # never the reporter

        phone.context.set_offline(True)
        pressed_from = datetime.now(timezone.utc).replace(microsecond=0)
        page.get_by_role("button", name="On site").click()
        expect(page.locator("#job-notice")).to_contain_text("Saved on this phone: On site.")
        # The crew's own offline line, not the residents' "You can still report a problem".
        expect(page.locator("#status")).to_contain_text("Job updates are saved on this phone")
        expect(page.locator("#status")).not_to_contain_text("report a problem")
        page.get_by_label("Note").fill("Filled and rolled; cones left for an hour.")
        page.get_by_label("After photo").set_input_files([phone_photo(tmp_path)])
        expect(page.locator("#after-photos img")).to_have_count(1)
        page.get_by_role("button", name="Done").click()
        expect(page.locator("#job-waiting li")).to_have_count(2)
        expect(page.locator("#job-summary")).to_contain_text("Done (waiting to be sent)")
        expect(page.locator("#status")).to_contain_text("2 job updates are waiting to be sent.")
        assert stored_job(stack, job_id).updates in (None, [])  # nothing left the phone

        page.goto("/crew")  # the day goes on offline: the list from the phone, as of when it was read
        expect(page.locator("#as-of")).to_contain_text("No signal: these are the jobs as of")
        expect(job_card(page, report["id"])).to_contain_text("Done (waiting to be sent)")
        page.goto(f"/crew/jobs/{job_id}")
        expect(page.locator("#job-waiting li")).to_have_count(2)

        went_online = datetime.now(timezone.utc).replace(microsecond=0)
        phone.context.set_offline(False)
        page.evaluate("() => window.dispatchEvent(new Event('online'))")
        expect(page.locator("#job-closed")).to_contain_text("This job is closed: Done.")
        expect(page.locator("#job-sent")).to_have_text("Sent: Done.")  # what waited has gone, and it says so
        expect(page.locator("#history li")).to_have_count(2)
        expect(page.locator("#history li").nth(1).locator("img")).to_have_js_property("complete", True)
        expect(page.locator("#job-waiting")).to_have_count(0)
        page.evaluate("() => window.dispatchEvent(new Event('online'))")  # another try sends nothing more

        job = stored_job(stack, job_id)
        assert [u["status"] for u in job.updates] == ["on_site", "done"]
        on_site, done = job.updates
        assert pressed_from <= _seconds(on_site["saved_at"]) <= _seconds(done["saved_at"]) <= went_online
        assert _seconds(done["received_at"]) >= went_online  # sent later than pressed
        assert done["note"] == "Filled and rolled; cones left for an hour." and len(done["photos"]) == 1
        timeline = stack.get(f"/v1/reports/{report['id']}/updates")["updates"]
        assert [u["status"] for u in timeline] == ["open", "fixed"] and len(timeline[-1]["photos"]) == 1

        resident = phone.context.new_page()
        resident.goto(f"/?report={report['id']}")
        heading(resident, "Pothole")
        expect(resident.locator("#screen .tag").first).to_have_text("Fixed")
    finally:
        phone.close()
