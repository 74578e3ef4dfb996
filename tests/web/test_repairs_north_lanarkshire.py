"""A North Lanarkshire tenant at northlanarkshire.localhost reports a blocked sink
on the evening before St Andrew's Day and sees its last day in Scottish working
days, under Scotland's Right to Repair, and the contractors they may call. The
local back office holds the council's demo tenancies (its folder's
tenancies.json) beside York's for the test, as a back office of the council's
own will; the local scheduler works to North Lanarkshire's calendar."""
import json
import uuid
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.web.browser import PASSWORD, check_accessible
from tests.web.journeys import heading
from tests.web.test_repairs import pointed_at, report

LONDON = ZoneInfo("Europe/London")
SUNDAY_EVENING = datetime(2026, 11, 29, 20, 30, tzinfo=LONDON)  # Monday 30 November: St Andrew's Day
FOLDER = Path(__file__).resolve().parents[2] / "doorstep_cli" / "demo" / "councils" / "north-lanarkshire"
NL_HOST = "northlanarkshire.localhost"
MORAG = {"reference": "590200011", "name": "Ms Morag MacLeod", "online_key": "NL01-MTX5", "postcode": "ML1 1JJ"}


@pytest.fixture
def nl_repairs(stack, tmp_path):
    import time_machine
    from doorstep_cli.local import civica_data, civica_rents
    from doorstep_cli.local.civica import CivicaBackOffice
    from doorstep_cli.local.drs import LocalScheduler
    held, env = json.loads((FOLDER / "tenancies.json").read_text()), pytest.MonkeyPatch()
    for ref, person in held["people"].items():
        env.setitem(civica_data.PEOPLE, ref, person)
    for ref, account in held["council_tax"].items():
        env.setitem(civica_data.ACCOUNTS, ref, {"charge": 150_000, "dd_account": "20481163", **account})
    for ref, rents in held["rents"].items():
        env.setitem(civica_rents.RENTS, ref, rents)
    with time_machine.travel(SUNDAY_EVENING, tick=True) as clock, CivicaBackOffice(nightly=None) as office, \
            LocalScheduler(state_file=tmp_path / "drs.json", council="north-lanarkshire") as drs:
        pointed_at(env, office, drs)
        try:
            yield stack, clock
        finally:
            env.undo()


def sign_in_at_north_lanarkshire(page, port, email):
    page.goto(f"http://{NL_HOST}:{port}/sign-in?next=/repairs")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
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
