"""A form's case at the staff desk: its answers question by question, its
files opened by an officer whose scope covers it through a link made for
them (each opening in the case's audit), nothing of it public, and the
form's own team and templates rather than a street report's."""
from support.forms_support import Filler, charity_branch, published, uploaded

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def grant_case(client, deps):
    """A grant enquiry sent as a charity with its accounts as a PDF: (case id, file's upload id)."""
    from chalicelib.handlers.forms.cases import case_of
    published(deps, "grant-enquiry")
    filler = Filler(client, "grant-enquiry")
    pdf = uploaded(client, deps, PDF, "application/pdf", auth=filler.auth)
    charity_branch(filler, [{"upload_id": pdf, "name": "accounts-2025.pdf"}])
    assert filler.submit(declaration=True).status_code == 200
    return case_of(deps, filler.id), pdf


def case_reference(deps, case_id):
    return deps.reports.get(case_id).fields["form_reference"]


def test_an_officer_with_the_forms_category_opens_a_file_through_a_link_made_for_them_and_audited(
        client, deps, people):
    from urllib.parse import parse_qs, urlparse
    case_id, pdf = grant_case(client, deps)
    officer = people("staff", categories=["grant_enquiry"])
    opened = client.post(f"/v1/staff/reports/{case_id}/form-files/{pdf}", {}, officer.auth)
    assert opened.status_code == 200, opened.json_body
    link = urlparse(opened.json_body["url"])
    query = parse_qs(link.query)
    assert link.path.endswith(f"/form-files/{case_reference(deps, case_id)}/{pdf}")
    assert query["X-Amz-Expires"] == ["60"] and "attachment" in query["response-content-disposition"][0]
    assert opened.json_body["name"] == "accounts-2025.pdf" and opened.json_body["content_type"] == "application/pdf"
    client.post(f"/v1/staff/reports/{case_id}/form-files/{pdf}", {}, officer.auth)  # opened again: audited again
    audit = client.get(f"/v1/staff/reports/{case_id}/audit", officer.auth).json_body["entries"]
    opened_lines = [e for e in audit if e["action"] == "file_opened"]
    assert [(e["by"], e["changes"]["file_opened"]["after"]) for e in opened_lines] == [
        (officer.user.email, f"accounts-2025.pdf ({pdf})")] * 2


def test_no_one_else_opens_a_forms_file_and_no_public_path_serves_one(client, deps, people):
    case_id, pdf = grant_case(client, deps)
    elsewhere = people("staff", categories=["pothole"])
    assert client.post(f"/v1/staff/reports/{case_id}/form-files/{pdf}", {}, elsewhere.auth).status_code == 403
    resident = people("resident")
    assert client.post(f"/v1/staff/reports/{case_id}/form-files/{pdf}", {}, resident.auth).status_code == 403
    assert client.post(f"/v1/staff/reports/{case_id}/form-files/{pdf}", {}).status_code == 401
    officer = people("staff", categories=["grant_enquiry"])
    unknown = client.post(f"/v1/staff/reports/{case_id}/form-files/not-sent", {}, officer.auth)
    assert unknown.status_code == 404 and unknown.json_body["error"]["code"] == "file_not_found"
    for public in (f"/v1/photos/{pdf}", f"/v1/photos/{pdf}.jpg", f"/v1/reports/{case_id}"):
        assert client.get(public).status_code == 404
