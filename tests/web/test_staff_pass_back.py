"""A county's officer passes back a report the borough's site sent it (issue 70, item 5): on the desk,
with a reason, once; the borough holds it from then on and the resident reads why."""
import json
import uuid
from urllib.parse import urlsplit

from playwright.sync_api import expect

from chalicelib import tenancy
from tests.web.browser import PASSWORD, check_accessible
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import sign_in_by_keyboard

BOROUGH, COUNTY = "newcastle-under-lyme", "staffordshire-county"  # the demo's, as `make run` adds them
HIGH_STREET = (53.0118, -2.2280)  # Newcastle-under-Lyme: a pothole there goes to the county's inbox


def at(stack, host, headers=None):
    """Headers for the stack's API at one council's address (its Host)."""
    return {"Host": f"{host}:{urlsplit(stack.url).port}", **(headers or {})}


def test_a_countys_officer_passes_a_boroughs_report_back_with_a_reason_once(desk, stack):
    from chalicelib.handlers.accounts import users
    from support.officers import every_role
    made = stack.report(at(stack, "newcastle.localhost", {"Idempotency-Key": str(uuid.uuid4())}),
                        lat=HIGH_STREET[0], lon=HIGH_STREET[1], description="A pothole in the car park behind the Guildhall.")
    held = stack.get(f"/v1/reports/{made['id']}", at(stack, "staffordshire.localhost"))  # in the county's partitions
    assert held["id"] == made["id"]
    officer = f"streets.{uuid.uuid4().hex[:6]}@staffordshire.example"
    with tenancy.acting_for(COUNTY):
        users.create_user(stack.deps().for_council(), officer, "staff", name="Sid Streets", password=PASSWORD,
                          **every_role("staff", {}))
    page = desk.new_page()
    county = f"http://staffordshire.localhost:{urlsplit(stack.url).port}"
    sign_in_by_keyboard(page, officer, f"{county}/sign-in?next=/staff/reports/{made['id']}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(made["id"])
    check_accessible(page, "staff pass back")
    page.get_by_label("Why it is theirs").fill("The car park is the borough's, not a county road.")
    page.get_by_role("button", name="Pass it back to Newcastle-under-Lyme Borough Council").click()
    expect(page.locator("#passed")).to_contain_text(f"{made['id']} is Newcastle-under-Lyme Borough Council's now")

    theirs = stack.get(f"/v1/reports/{made['id']}/updates", at(stack, "newcastle.localhost"))
    assert "The car park is the borough's, not a county road." in json.dumps(theirs)
    with tenancy.acting_for(BOROUGH):
        assert stack.deps().for_council().reports.get(made["id"]) is not None  # the borough's own now
    with tenancy.acting_for(COUNTY):
        assert stack.deps().for_council().reports.get(made["id"]) is None


def test_a_councils_officer_passes_its_own_report_on_to_the_council_whose_area_holds_the_place(desk, stack):
    """York's report by Coney Street, where a neighbour of the service also looks after the street: the desk
    offers that council, asks which before anything is sent, and passes it on with the reason."""
    from support.councils_support import add, remove, with_categories
    from tests.web.test_other_councils import BESIDE_CONEY_STREET, NEIGHBOUR, north_yorkshire
    add(stack.deps(), north_yorkshire())
    with_categories(NEIGHBOUR)
    try:
        made = stack.report({"Idempotency-Key": str(uuid.uuid4())}, lat=BESIDE_CONEY_STREET[0],
                            lon=BESIDE_CONEY_STREET[1], description="A pothole by the river steps.")
        officer = stack.resident(f"streets.{uuid.uuid4().hex[:6]}@york.example", role="staff")
        page = desk.new_page()
        sign_in_by_keyboard(page, officer, f"/sign-in?next=/staff/reports/{made['id']}")
        expect(page.get_by_role("heading", level=1)).to_contain_text(made["id"])
        section = page.locator("#pass-back")
        expect(section.get_by_role("group", name="Which council")).to_be_visible()
        page.get_by_label("Why it is theirs").fill("The steps are North Yorkshire's.")
        page.get_by_role("button", name="Pass it on").click()
        expect(page.locator(".error-summary")).to_contain_text("Choose the council to pass it to")
        check_accessible(page, "staff pass on, with its error")
        page.get_by_label("North Yorkshire Council").check()
        page.get_by_role("button", name="Pass it on").click()
        expect(page.locator("#passed")).to_contain_text(f"{made['id']} is North Yorkshire Council's now")
        with tenancy.acting_for(NEIGHBOUR):
            assert stack.deps().for_council().reports.get(made["id"]) is not None
    finally:
        remove(NEIGHBOUR)
