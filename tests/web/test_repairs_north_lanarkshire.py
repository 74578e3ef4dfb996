"""A North Lanarkshire tenant at northlanarkshire.localhost reports a blocked sink
on the evening before St Andrew's Day and sees its last day in Scottish working
days, under Scotland's Right to Repair, and the contractors they may call. The
council's own local back office holds its demo tenancies (its folder's
tenancies.json) and its own scheduler works to its calendar, both named in its
settings."""
import uuid
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.web.browser import PASSWORD, check_accessible
from tests.web.journeys import heading
from tests.web.test_repairs import report

LONDON = ZoneInfo("Europe/London")
SUNDAY_EVENING = datetime(2026, 11, 29, 20, 30, tzinfo=LONDON)  # Monday 30 November: St Andrew's Day
NL_HOST = "northlanarkshire.localhost"
MORAG = {"reference": "590200011", "name": "Ms Morag MacLeod", "online_key": "NL01-MTX5", "postcode": "ML1 1JJ"}


@pytest.fixture
def nl_repairs(stack, tmp_path):
    """North Lanarkshire's own Civica (its tenants: tenancies.json) and scheduler (its working days), named in
    its settings as its administrator would (its back offices are its own: issue 70)."""
    import time_machine
    from doorstep_cli.local.civica import CivicaBackOffice
    from doorstep_cli.local.drs import LocalScheduler
    from support.councils_support import NL, back_offices_at
    env = pytest.MonkeyPatch()
    with time_machine.travel(SUNDAY_EVENING, tick=True) as clock, CivicaBackOffice(nightly=None, council=NL) as office, \
            LocalScheduler(state_file=tmp_path / "drs.json", council=NL) as drs, back_offices_at(
                stack.deps(), NL, env,
                {"revenues": {"url": office.url, "user": {"secret": "civica-user"},
                              "password": {"secret": "civica-password"}, "nightly": "00:00-00:00"},
                 "scheduler": {"url": drs.url, "login": {"secret": "drs-login"}, "password": {"secret": "drs-password"},
                               "timeout_s": 2}},
                {"civica-user": office.user, "civica-password": office.password, "drs-login": drs.login,
                 "drs-password": drs.password}):
        try:
            yield stack, clock
        finally:
            env.undo()


def sign_in_at_north_lanarkshire(page, port, email):
    page.goto(f"http://{NL_HOST}:{port}/sign-in?next=/repairs")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()  # not ScotAccount's
    heading(page, "Repairs to your council home")


def test_a_north_lanarkshire_tenant_reports_a_blocked_sink_and_sees_its_last_day_in_scottish_working_days(
        browser, nl_repairs):
    (stack, clock), email = nl_repairs, f"morag.{uuid.uuid4().hex[:6]}@example.org"
    port = urlsplit(stack.url).port
    host = {"Host": f"{NL_HOST}:{port}"}
    stack.resident(email, name="Morag MacLeod")
    tokens = stack.post("/v1/auth/login", {"email": email, "password": PASSWORD}, host)
    stack.post("/v1/me/council-tax", MORAG, {**host, "Authorization": f"Bearer {tokens['access_token']}"})
    page = browser.new_page()
    sign_in_at_north_lanarkshire(page, port, email)
    report(page, "Kitchen", "Sink, taps or drainage", "The sink is blocked", "The kitchen sink will not drain.")
    heading(page, "Repair reported")
    # One working day from the day after the report: Monday is St Andrew's Day, a holiday in Scotland.
    expect(page.locator("#repair-due")).to_have_text(
        "Your repair is due by Tuesday 1 December 2026. (1 working day under the Right to Repair (Scotland))")
    expect(page.locator("#repair-time .radios__label").first).to_have_text("Tuesday 1 December, morning")
    check_accessible(page, "repairs: north lanarkshire reported")
    page.goto(f"http://{NL_HOST}:{port}/repairs")
    expect(page.locator(".repair-contractors")).to_contain_text("Monklands Building Services (demo) on 01632 960202")

    # Left late: on Wednesday the other contractor is offered and £18 is owed, £3 more each working day.
    clock.move_to(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON))
    page.context.clear_cookies()
    sign_in_at_north_lanarkshire(page, port, email)
    expect(page.locator(".repair-other-contractor")).to_contain_text("You may ask Monklands Building Services (demo)")
    expect(page.locator(".repair-owed")).to_contain_text("you are owed £18.00 in compensation so far")
    check_accessible(page, "repairs: north lanarkshire late")
    clock.move_to(datetime(2026, 12, 3, 10, 0, tzinfo=LONDON))
    page.context.clear_cookies()
    sign_in_at_north_lanarkshire(page, port, email)
    expect(page.locator(".repair-owed")).to_contain_text("you are owed £21.00 in compensation so far")
