"""A landlord read for a caller at the landlords desk, by keyboard alone: a
revenues officer gives the creditor reference and why, and sees the
landlord's colleagues with their roles (an invitation not yet taken among
them), its audit with people by name (a colleague who joined, one removed,
this very look-up with its reason) and the changes it reported."""
import urllib.request
import uuid

from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import heading, look_up_by_keyboard, screen, sign_in_by_keyboard
from tests.web.test_council_tax import back_office  # noqa: F401 (a fixture)

WHY = "Mr Gill rang asking who can see his tenants"


def delete(stack, path, auth):
    request = urllib.request.Request(stack.url + path, method="DELETE", headers=auth)
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 204


def test_an_officer_reads_a_landlords_colleagues_audit_and_changes_with_a_reason(desk, back_office):  # noqa: F811
    stack = desk.stack
    run = uuid.uuid4().hex[:6]
    lead = stack.token(stack.resident(f"piotr.gill.{run}@example.org", name="Piotr Gill"))
    stack.post("/v1/landlords", {"creditor_ref": "CR100301", "claim_ref": "HB70002", "surname": "Hughes"}, lead)
    rob_email = stack.resident(f"rob.rents.{run}@example.org", name="Rob Rents")
    for email, role in ((rob_email, "report"), (f"old.address.{run}@example.org", "view"),
                        (f"new.starter.{run}@example.org", "view")):
        stack.post("/v1/me/landlord/colleagues", {"email": email, "role": role}, lead)
    rob = stack.token(rob_email)
    assert stack.get("/v1/me/landlord", rob)["role"] == "report"  # joined on opening the portal
    old = next(c for c in stack.get("/v1/me/landlord", lead)["colleagues"] if c["email"].startswith("old.address."))
    delete(stack, f"/v1/me/landlord/colleagues/{old['user_id']}", lead)
    stack.post("/v1/me/landlord/claims/HB70002/changes", {"change": "tenant_away", "date": "2026-11-20"}, rob)

    officer = stack.resident(f"rita.revenues.{run}@example.org", name="Rita Revenues", role="staff",
                             roles=["revenues"])
    page = desk.new_page()
    sign_in_by_keyboard(page, officer, "/sign-in?next=/staff/landlords")
    heading(page, "Landlords waiting for approval")
    look_up_by_keyboard(page, "Creditor reference", "CR100301", WHY)
    expect(page.locator("#landlord-found")).to_contain_text("CR100301")
    members = page.locator("#landlord-members tbody tr")
    expect(members.filter(has_text="Piotr Gill")).to_contain_text("Lead user")
    expect(members.filter(has_text="Rob Rents")).to_contain_text("View and report changes")
    expect(members.filter(has_text="Invited by email, not joined yet")).to_have_count(1)
    audit = page.locator("#landlord-audit tbody tr")
    expect(audit.filter(has_text="Rob Rents joined (View and report changes)")).to_have_count(1)
    expect(audit.filter(has_text="Removed (an invitation by email, since removed)")).to_have_count(1)
    expect(audit.filter(has_text=WHY)).to_contain_text("Rita Revenues")  # this look-up, by name, with its reason
    expect(page.locator("#landlord-changes")).to_contain_text("The tenant is away")
    screen(page, "staff-landlord-lookup")
    looked = [a for a in stack.deps().landlords.audit("CR100301") if a["action"] == "staff_lookup"]
    assert [a["detail"] for a in looked] == [WHY]
