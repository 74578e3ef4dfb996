"""A form's case at the desk, as a grants officer reads it before saving (issue 57): a template that
suggests a status puts it in the box, and the box is what is saved; the preview reads as the message
will, its placeholders filled; a file opened is in the audit at once; the case is named by its form."""
import re

from playwright.sync_api import expect

from tests.web.desk import Officer, desk, heading  # noqa: F401  (desk: a fixture)
from tests.web.journeys import sign_in
from tests.web.test_staff_form_cases import grant_enquiry_with_accounts


def _open_case(desk, stack, officer, reason="Answering the larder's enquiry"):
    reference, case = grant_enquiry_with_accounts(stack.deps())
    Officer(stack, officer)
    page = desk.new_page()
    sign_in(page, officer, next_path=f"/staff/reports/{case}")
    page.get_by_label("Why are you opening it?").fill(reason)
    page.get_by_role("button", name="Open the case").click()
    expect(page.get_by_label("Template")).to_be_visible()
    return page, reference, case


def test_choosing_a_template_that_closes_shows_closed_in_the_status_box_and_open_in_the_box_keeps_it_open(
        desk, stack):
    page, _, case = _open_case(desk, stack, "grants.1@example.org")
    status = page.get_by_label("Status", exact=True)
    expect(status).to_have_value("open")
    page.get_by_label("Template").select_option(label="You can apply")
    expect(status).to_have_value("closed")  # what saving would do, shown before it is done
    status.select_option("open")  # the officer means to reply and keep it open
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("#saved")).to_be_visible()
    expect(page.locator("#report-details")).to_contain_text("Open")
    assert stack.deps().reports.get(case).state == "open"


def test_a_templates_preview_reads_as_the_message_will_with_the_forms_reference(desk, stack):
    page, reference, _ = _open_case(desk, stack, "grants.2@example.org")
    page.get_by_label("Template").select_option(label="Enquiry received")
    preview = page.locator("#template-preview")
    expect(preview).to_contain_text(f"Thank you for your grant enquiry {reference}.")
    expect(preview).not_to_contain_text("{")


def test_a_file_opened_is_in_the_audit_at_once_with_the_cases_reason_without_a_save(desk, stack):
    page, _, _ = _open_case(desk, stack, "grants.3@example.org", reason="Checking the larder's accounts")
    audit = page.locator("#audit li")
    expect(audit).to_have_count(2)  # the resident's details and the answers read, and why
    expect(audit.filter(has_text="The form's answers")).to_contain_text("Why: Checking the larder's accounts")
    with page.expect_download():
        page.get_by_role("button", name=re.compile(r"Open larder-accounts\.pdf")).click()
    expect(audit).to_have_count(3)
    opened = audit.filter(has_text="File opened")
    expect(opened).to_contain_text("larder-accounts.pdf")
    expect(opened).to_contain_text("Why: Checking the larder's accounts")
    expect(page.locator("#saved")).to_have_count(0)


def test_a_forms_case_shows_nothing_of_the_residents_until_the_officer_says_why(desk, stack):
    reference, case = grant_enquiry_with_accounts(stack.deps())
    Officer(stack, "grants.5@example.org")
    page = desk.new_page()
    sign_in(page, "grants.5@example.org", next_path=f"/staff/reports/{case}")
    heading(page, "A form's case")
    expect(page.locator("main")).not_to_contain_text("Priya")
    expect(page.locator("#form-answers")).to_have_count(0)
    page.get_by_role("button", name="Open the case").click()  # no reason given
    expect(page.locator(".error-summary")).to_contain_text(re.compile("say why you are opening it", re.I))
    expect(page.locator("#form-answers")).to_have_count(0)
    page.get_by_label("Why are you opening it?").fill("Priya rang about her enquiry")
    page.get_by_role("button", name="Open the case").click()
    heading(page, f"Ask about a community grant: {reference}")
    expect(page.locator("#report-details")).to_contain_text("larder@example.org")
    assert [(e.action, e.reason) for e in stack.deps().audit.entries(case)] == [
        ("read", "Priya rang about her enquiry"), ("read", "Priya rang about her enquiry")]


def test_a_forms_case_is_named_by_its_form_and_the_reference_its_resident_holds(desk, stack):
    page, reference, case = _open_case(desk, stack, "grants.4@example.org")
    heading(page, f"Ask about a community grant: {reference}")
    expect(page.locator("main")).not_to_contain_text(f"Report {case}")
    expect(page.locator(".caption")).to_contain_text(case)
