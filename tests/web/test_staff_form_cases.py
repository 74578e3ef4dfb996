"""A form's case at the desk, as a grants officer works it (issue 53): the
forms screen leads to it; the case shows the answers question by question
and the form's own templates, none of a street report's controls; the
officer opens the resident's file (a download made for them, in the audit)
and answers with the form's template, which reaches the resident in the
form's words; nothing of the case is public."""
import re
import urllib.error
import urllib.request

from playwright.sync_api import expect

from tests.web.desk import Officer, desk, heading, screen  # noqa: F401  (desk: a fixture)
from tests.web.journeys import sign_in

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EMAIL = "larder@example.org"
OFFICER = "community.grants@example.org"


def grant_enquiry_with_accounts(deps):
    """A charity's grant enquiry, its accounts as a PDF, sent through the API's own steps: (reference, case)."""
    from chalicelib.handlers.forms import completing, sending
    from chalicelib.handlers.forms.cases import case_of
    from chalicelib.handlers.reports.uploads import create_upload
    from chalicelib.storage.blobs import UPLOAD_PREFIX
    started, _ = completing.start(deps, "grant-enquiry", {}, None)
    token = started["token"]
    upload = create_upload(deps, {"content_type": "application/pdf", "size": len(PDF)}, token)["upload_id"]
    deps.blobs.write(UPLOAD_PREFIX + upload, PDF, "application/pdf")
    for page_id, answers in (
            ("applicant-type", {"applicant_type": "charity"}),
            ("charity", {"charity_name": "York Community Larder", "charity_number": "1234567"}),
            ("accounts", {"accounts": [{"upload_id": upload, "name": "larder-accounts.pdf"}]}),
            ("project", {"project": "A chest freezer for the larder", "amount": "650"}),
            ("contact", {"name": {"first": "Priya", "last": "Shah"}, "email": EMAIL})):
        completing.answer(deps, started["id"], page_id, {"answers": answers}, token)
    reference = sending.submit(deps, started["id"], {"declaration": True}, token)["reference"]
    return reference, case_of(deps, reference)


def test_a_grants_officer_answers_a_form_case_with_its_template_opens_its_file_and_nothing_is_public(desk, stack):
    reference, case = grant_enquiry_with_accounts(stack.deps())
    Officer(stack, OFFICER)
    page = desk.new_page()
    sign_in(page, OFFICER, next_path="/staff/forms")
    heading(page, "Forms")
    grants = page.get_by_role("row", name=re.compile("Ask about a community grant"))
    expect(grants).to_contain_text("community-grants")
    expect(grants.get_by_role("button", name=re.compile("Download the submissions"))).to_be_visible()
    screen(page, "staff-forms")
    grants.get_by_role("link", name="Cases of Ask about a community grant").click()
    page.get_by_role("link", name=re.compile(case)).click()

    heading(page, "A form's case")  # its answers are the resident's: opened once the officer says why
    expect(page.locator("main")).not_to_contain_text("Priya")
    screen(page, "staff-form-case-why")
    page.get_by_label("Why are you opening it?").fill("Deciding the larder's grant")
    page.get_by_role("button", name="Open the case").click()
    heading(page, reference)  # the case named by its form and the reference its resident holds
    expect(page.locator("#audit")).to_contain_text("Why: Deciding the larder's grant")
    details = page.locator("#report-details")
    expect(details).to_contain_text("Community grants")  # the form's team, not "Not assigned"
    expect(details).to_contain_text(reference)
    answers = page.locator("#form-answers")
    expect(answers.get_by_role("term").filter(has_text="Who is asking for the grant?")).to_be_visible()
    expect(answers.get_by_role("definition").filter(has_text="A registered charity")).to_be_visible()
    expect(answers).not_to_contain_text("?:")
    expect(page.get_by_label("Instructions for the crew")).to_have_count(0)
    expect(page.locator("#moderation")).to_have_count(0)  # no public description to fill in, at all
    expect(page.locator("main")).not_to_contain_text("National Highways")
    expect(page.get_by_label(re.compile("^Private"))).to_have_count(0)
    template = page.get_by_label("Template")
    expect(template.locator("option")).to_have_text(
        ["No template", "Enquiry received", "You can apply", "Not something we fund"])
    screen(page, "staff-form-case")

    with page.expect_download() as downloading:
        page.get_by_role("button", name=re.compile(r"Open larder-accounts\.pdf")).click()
    assert downloading.value.suggested_filename == "larder-accounts.pdf"
    expect(page.locator("#form-file-status")).to_contain_text("larder-accounts.pdf")

    template.select_option(label="Enquiry received")
    expect(page.locator("#template-preview")).to_contain_text(f"Thank you for your grant enquiry {reference}.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("#saved")).to_be_visible()
    expect(page.locator("#audit")).to_contain_text("File opened")
    expect(page.locator("#audit")).to_contain_text("larder-accounts.pdf")
    expect(page.locator("#report-details")).to_contain_text("Investigating")

    [mail] = stack.mail_once(EMAIL, f"Ask about a community grant {reference}: Investigating", seconds=30)
    assert f"Thank you for your grant enquiry {reference}." in mail.body and "inspector" not in mail.body
    try:
        urllib.request.urlopen(f"{stack.url}/v1/reports/{case}", timeout=10)
        raise AssertionError("a form's case answered on the public route")
    except urllib.error.HTTPError as e:
        assert e.code == 404
    stored = stack.deps().reports.get(case)
    assert stored.private and stored.moderation is None and EMAIL not in (stored.summary or "")
