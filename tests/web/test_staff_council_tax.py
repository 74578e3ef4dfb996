"""Council tax at the staff desk, by keyboard alone: whether the council's
revenues system answers, an account looked up for a caller with a reason
(audited before the system is asked), a resident's link revoked with its own
reason, and the requests the system never took, for keying by hand. The
caller's account is read in full: the year's plan, payments, bills and
letters (one opened for the caller, audited), benefit claims, and the people
in its links and audit by name."""
import dataclasses
import re
import uuid
from datetime import timedelta

from playwright.sync_api import expect

from support.revenues_support import ARREARS, BILLS, DEV
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, screen, sign_in_by_keyboard, tab_to
from tests.web.test_council_tax import back_office  # noqa: F401 (a fixture)

REASON = "Caller asked why a reminder came"


def test_an_officer_looks_an_account_up_with_a_reason_revokes_a_link_and_sees_what_never_went(desk, back_office):
    from chalicelib.handlers.revenues.sending import send_due
    stack = desk.stack
    deps = stack.deps()
    dev = Officer(stack, f"dev.patel.{uuid.uuid4().hex[:6]}@example.org", role="resident")
    dev_id = dev.call("GET", "/v1/me")[0]["id"]
    made, _ = dev.call("POST", "/v1/me/council-tax", BILLS[DEV])
    back_office.down = True  # the request waits, and two days on the sweep gives it up
    dev.call("POST", f"/v1/me/council-tax/{made['id']}/requests", {"kind": "instalment_day", "day": 15},
             {"Idempotency-Key": str(uuid.uuid4())})
    send_due(dataclasses.replace(deps, clock=lambda: deps.clock() + timedelta(days=3)))
    back_office.down = False

    Officer(stack, "revenues.desk@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "revenues.desk@example.org", "/sign-in?next=/staff/council-tax")
    heading(page, "Council tax")
    expect(page.locator("#ctax-health")).to_contain_text("Answering")
    tab_to(page, page.get_by_label("Account reference"))
    page.keyboard.type(ARREARS)
    tab_to(page, page.get_by_label("Why you are looking"))
    page.keyboard.type(REASON)
    tab_to(page, page.get_by_role("button", name="Look up"))
    page.keyboard.press("Enter")
    expect(page.locator("#ctax-found")).to_contain_text("Mr Dev Patel")
    expect(page.locator("#ctax-found")).to_contain_text("Rent account R0448105")
    # The lookup is in the account's audit, once. Found by its reason, not as the last row: the journeys
    # share one stack, and the repairs journeys link this account on a moved clock (Christmas Eve 2026),
    # so their rows may sort after today's.
    expect(page.locator("#ctax-audit tbody tr", has_text=REASON)).to_have_count(1)
    expect(page.locator("#ctax-plan tbody tr")).to_have_count(10)
    expect(page.locator("#ctax-payments tbody tr")).to_have_count(7)
    expect(page.locator("#ctax-documents li")).to_have_count(3)
    expect(page.locator("#ctax-claims")).to_contain_text("HB40721")
    expect(page.locator("#ctax-audit tbody tr", has_text=REASON)).to_contain_text("Revenues.Desk")  # names, not ids
    expect(page.locator("#ctax-links")).to_contain_text("Dev.Patel.")
    assert dev_id not in page.locator("#ctax-people").inner_text()
    screen(page, "staff-council-tax-lookup")
    looked = [a for a in deps.revenue_links.audit(ARREARS) if a["action"] == "staff_lookup"]
    assert looked[-1]["reason"] == REASON and looked[-1]["by_user_id"] != dev_id

    tab_to(page, page.get_by_role("button", name=re.compile(r"^Open Reminder Notice")))
    with page.expect_download() as downloading:
        page.keyboard.press("Enter")
    with open(downloading.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    opened = [a for a in deps.revenue_links.audit(ARREARS) if a["action"] == "staff_document"]
    assert len(opened) == 1 and opened[0]["reason"] == REASON

    link = page.locator("#ctax-links li", has_text="Dev.Patel.")
    tab_to(page, link.get_by_label("Why revoke this link"))
    page.keyboard.type("Resident says the link is not theirs")
    tab_to(page, link.get_by_role("button", name="Revoke link"))
    page.keyboard.press("Enter")
    expect(page.locator("#ctax-notice")).to_contain_text("Link of Dev.Patel.")
    expect(page.locator("#ctax-audit tbody tr", has_text="Resident says the link is not theirs")).to_have_count(1)
    # Redrawn from the revocation's answer: their link is gone (others' links to the same account,
    # made by other tests on the worker's shared stack, may stay).
    expect(page.locator("#ctax-links")).not_to_contain_text("Dev.Patel.")
    screen(page, "staff-council-tax-revoked")
    assert dev.call("GET", "/v1/me/council-tax")[0]["links"] == []
    assert [a["reason"] for a in deps.revenue_links.audit(ARREARS)].count("Resident says the link is not theirs") == 1

    tab_to(page, page.get_by_role("link", name="Requests the council's system never took"))
    page.keyboard.press("Enter")
    heading(page, "Requests the council's system never took")
    expect(page.locator("#ctax-failed tr", has_text="Instalment day")).to_contain_text(ARREARS)
    screen(page, "staff-council-tax-failed")
