"""What the crew screens' tests share: crew members of the demo teams on
their phones, jobs an officer assigned through the API, and a look at the
stored job (what the API received, and when)."""
import uuid

from playwright.sync_api import expect

from tests.web.browser import PASSWORD
from tests.web.desk import Officer

MINSTER = (53.9623, -1.0819)  # lat, lon of the job
NEAR_450_M = {"latitude": 53.96635, "longitude": -1.0819}  # the crew's van, 450 m due north


def crew_member(stack, team="north"):
    """A crew account of `team` (a fresh one per test: the stack outlives tests)."""
    from chalicelib.handlers.accounts import users
    email = f"crew-{team}-{uuid.uuid4().hex[:8]}@council.example"
    users.create_user(stack.deps(), email, "crew", name=f"{team.title()} Crew", password=PASSWORD, team=team)
    return email


def officer(stack):
    return Officer(stack, f"officer-{uuid.uuid4().hex[:8]}@council.example")


def assigned_job(stack, by, description, team="north", at=MINSTER, **changes):
    """A resident's pothole at `at`, assigned to `team`: (report, job id)."""
    report = stack.report(description=description, lat=at[0], lon=at[1],
                          contact={"name": "Rita Reporter", "email": "rita@example.org"})
    return report, by.change(report["id"], team=team, **changes)["assignment"]["job"]


def stored_job(stack, job_id):
    return stack.deps().jobs.get(job_id)


def sign_in_crew(page, email):
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jobs near you")  # where a crew member lands


def job_card(page, report_id):
    return page.locator("#jobs .card", has_text=report_id)
