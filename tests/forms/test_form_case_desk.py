"""A form's case at the staff desk: its answers question by question, its
files opened by an officer whose scope covers it through a link made for
them (each opening in the case's audit), nothing of it public, and the
form's own team and templates rather than a street report's."""
from support.forms_support import Filler, charity_branch, published, uploaded

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
WHY = {"Access-Reason": "Deciding the grant"}  # what an officer reading a case says (the audit keeps it)


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
    opened = client.post(f"/v1/staff/reports/{case_id}/form-files/{pdf}", {}, {**officer.auth, **WHY})
    assert opened.status_code == 200, opened.json_body
    link = urlparse(opened.json_body["url"])
    query = parse_qs(link.query)
    assert link.path.endswith(f"/form-files/york/{case_reference(deps, case_id)}/{pdf}")  # York's file
    assert query["X-Amz-Expires"] == ["60"] and "attachment" in query["response-content-disposition"][0]
    assert opened.json_body["name"] == "accounts-2025.pdf" and opened.json_body["content_type"] == "application/pdf"
    client.post(f"/v1/staff/reports/{case_id}/form-files/{pdf}", {}, {**officer.auth, **WHY})  # again: audited
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
    unknown = client.post(f"/v1/staff/reports/{case_id}/form-files/not-sent", {}, {**officer.auth, **WHY})
    assert unknown.status_code == 404 and unknown.json_body["error"]["code"] == "file_not_found"
    for public in (f"/v1/photos/{pdf}", f"/v1/photos/{pdf}.jpg", f"/v1/reports/{case_id}"):
        assert client.get(public).status_code == 404


def change(client, officer, case_id, body):
    version = client.get(f"/v1/staff/reports/{case_id}", officer.auth).headers["ETag"]
    import json
    return client.raw.http.patch(f"/v1/staff/reports/{case_id}", body=json.dumps(body), headers={
        "Content-Type": "application/json", **officer.auth, "If-Match": version})


def test_a_form_case_is_answered_with_its_forms_own_templates_and_never_a_street_reports(client, deps, people):
    from support.staff_support import load_staff_data
    load_staff_data(deps)  # the street templates: "Inspection booked", and "Fixed" written automatically
    case_id, _ = grant_case(client, deps)
    officer = people("staff", categories=["grant_enquiry"])
    desk = client.get(f"/v1/staff/reports/{case_id}/form", {**officer.auth, **WHY}).json_body
    assert [t["id"] for t in desk["templates"]] == ["received", "can-apply", "cannot-apply"]
    street = change(client, officer, case_id, {"template": "tpl_inspection"})
    assert street.status_code == 400 and street.json_body["error"]["fields"][0]["field"] == "template"
    answered = change(client, officer, case_id, {"template": "received"})
    assert answered.status_code == 200, answered.json_body
    notes = deps.reports.get(case_id).status_notes
    reference = case_reference(deps, case_id)
    assert notes.startswith(f"Thank you for your grant enquiry {reference}.") and "inspector" not in notes
    assert answered.json_body["status"] == "investigating"
    fixed = change(client, officer, case_id, {"status": "fixed"})  # no form template for it: no street words
    assert fixed.status_code == 200 and deps.reports.get(case_id).status_notes == notes


def test_nothing_of_a_form_case_can_be_made_public_through_any_staff_route(client, deps, people):
    case_id, _ = grant_case(client, deps)
    officer = people("staff", categories=["grant_enquiry", "pothole", "general_enquiry"])
    for body in ({"private": False}, {"service_code": "pothole", "lat": 53.96, "lon": -1.08}):
        refused = change(client, officer, case_id, body)
        assert refused.status_code == 409 and refused.json_body["error"]["code"] == "form_case_private", body
    version = client.get(f"/v1/staff/reports/{case_id}", officer.auth).headers["ETag"]
    moderated = client.post(f"/v1/staff/reports/{case_id}/moderation", {
        "description": "Ada Lovelace, ada@example.org", "reason": "tidy"}, {**officer.auth, "If-Match": version})
    assert moderated.status_code == 409 and moderated.json_body["error"]["code"] == "form_case_private"
    assert change(client, officer, case_id, {"service_code": "general_enquiry"}).status_code == 200  # private too
    stored = deps.reports.get(case_id)
    assert stored.private and stored.moderation is None
    assert client.get(f"/v1/reports/{case_id}").status_code == 404


def test_a_form_case_gets_none_of_a_street_reports_controls(client, deps, people):
    case_id, _ = grant_case(client, deps)
    officer = people("staff", categories=["grant_enquiry"])
    for body in ({"instructions": "Cone it off"}, {"duplicate_of": "DS-AAAAAA", "status": "duplicate"},
                 {"lat": 53.96, "lon": -1.08}):
        refused = change(client, officer, case_id, body)
        assert refused.status_code == 409 and refused.json_body["error"]["code"] == "not_for_a_form_case", body
    sent = client.post(f"/v1/staff/reports/{case_id}/sends", {"body": "national-highways"}, officer.auth)
    assert sent.status_code == 409 and sent.json_body["error"]["code"] == "not_for_a_form_case"
    assert change(client, officer, case_id, {"priority": "high"}).status_code == 200
    assert deps.jobs.by_due("community-grants", 10)[0] == []  # changed, and still no crew job


def test_staff_list_each_form_with_where_its_cases_go(client, deps, people):
    published(deps, "grant-enquiry")
    published(deps, "blue-badge")
    forms = client.get("/v1/staff/forms", people("staff").auth).json_body["forms"]
    assert [(f["id"], f["category"], f["team"]) for f in forms] == [
        ("blue-badge", None, None), ("grant-enquiry", "grant_enquiry", "community-grants")]


def test_the_desks_view_of_a_form_case_lays_out_its_answers_question_by_question(client, deps, people):
    case_id, pdf = grant_case(client, deps)
    desk = client.get(f"/v1/staff/reports/{case_id}/form", {**people("staff", categories=["grant_enquiry"]).auth,
                                                             **WHY})
    pages = desk.json_body["pages"]
    assert [p["id"] for p in pages] == ["applicant-type", "charity", "accounts", "project", "contact"]
    assert pages[0]["questions"] == [{"id": "applicant_type", "label": "Who is asking for the grant?",
                                      "type": "selection", "answer": "A registered charity"}]
    assert pages[2]["questions"][0]["files"] == [{"id": pdf, "name": "accounts-2025.pdf",
                                                  "content_type": "application/pdf", "size": len(PDF)}]
    assert [q["answer"] for q in pages[4]["questions"]] == ["Ada Lovelace", "ada@example.org", "(not answered)"]


def test_a_form_cases_answers_open_only_when_the_officer_says_why_and_each_reading_is_in_its_audit(
        client, deps, people):
    case_id, pdf = grant_case(client, deps)
    officer = people("staff", categories=["grant_enquiry"], email="gina.grants@council.example")
    path = f"/v1/staff/reports/{case_id}/form"
    unsaid = client.get(path, officer.auth)
    assert unsaid.status_code == 400, unsaid.body
    assert [f["field"] for f in unsaid.json_body["error"]["fields"]] == ["Access-Reason"]
    assert "Ada Lovelace" not in unsaid.body.decode()
    why = {"Access-Reason": "Deciding%20the%20grant%20%E2%80%93%20panel%20on%20Friday"}  # as encodeURIComponent
    assert client.get(path, {**officer.auth, **why}).status_code == 200
    assert client.post(f"/v1/staff/reports/{case_id}/form-files/{pdf}", {}, officer.auth).status_code == 400
    assert client.post(f"/v1/staff/reports/{case_id}/form-files/{pdf}", {}, {**officer.auth, **why}).status_code == 200
    audit = client.get(f"/v1/staff/reports/{case_id}/audit", officer.auth).json_body["entries"]
    readings = [(e["action"], e["by"], e["reason"], next(iter(e["changes"].values()))["after"])
                for e in audit if e["reason"]]
    assert readings == [
        ("read", "gina.grants@council.example", "Deciding the grant – panel on Friday", "The form's answers"),
        ("file_opened", "gina.grants@council.example", "Deciding the grant – panel on Friday",
         f"accounts-2025.pdf ({pdf})")]
