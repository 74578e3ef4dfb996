"""The documents a licence type asks for: sent by the applicant as files checked by their real bytes (a photo's
GPS gone), replaced when sent again, taken until the case is decided, required ones before the fee, and opened by a
licensing officer only through an audited, minute-long link."""
import io
import json
import uuid

from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook and the effects)
from support.forms_support import small_png, uploaded
from support.licensing_support import YORK_TYPES, york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501",
       "lat": 53.9592, "lon": -1.0801}
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def started(client, who):
    made = client.post("/v1/licensing/cases", {"type": "premises-licence", "band": "C", "premises": PUB},
                       {**who.auth, "Idempotency-Key": str(uuid.uuid4())})
    assert made.status_code == 201, made.json_body
    return made.json_body


def sent(answer, document_id):
    return next(d for d in answer.json_body["documents"] if d["id"] == document_id)["sent"]


def test_a_plan_photographed_on_a_phone_is_kept_without_where_it_was_taken_and_replaced_when_sent_again(
        client, deps, people, york_types):
    from PIL import Image
    from conftest import jpeg_with_gps
    from chalicelib.handlers.licensing.documents import key_of
    landlord = people()
    case = started(client, landlord)
    assert [(d["id"], d["sent"]) for d in case["documents"]] == [
        ("plan", None), ("dps_consent", None), ("newspaper_notice", None)]
    photo = uploaded(client, deps, jpeg_with_gps(), auth=landlord.auth)
    path = f"/v1/licensing/cases/{case['id']}/documents/plan"
    first = client.post(path, {"upload_id": photo, "name": "C:\\Users\\jo\\plan of the bar.jpg"}, landlord.auth)
    assert first.status_code == 200, first.json_body
    assert sent(first, "plan")["name"] == "plan of the bar.jpg" and sent(first, "plan")["content_type"] == "image/jpeg"
    kept = deps.blobs.read(key_of(case["id"], photo))
    assert not Image.open(io.BytesIO(kept)).getexif().get_ifd(0x8825)  # no GPS
    seq = deps.licensing.get(case["id"]).seq
    assert client.post(path, {"upload_id": photo, "name": "plan of the bar.jpg"}, landlord.auth).status_code == 200
    assert deps.licensing.get(case["id"]).seq == seq  # the same upload again: nothing written
    pdf = uploaded(client, deps, PDF, "application/pdf", auth=landlord.auth)
    again = client.post(path, {"upload_id": pdf, "name": "plan.pdf"}, landlord.auth)
    assert sent(again, "plan")["upload_id"] == pdf
    assert list(deps.blobs.keys(f"form-files/{case['id']}/")) == [key_of(case["id"], pdf)]  # the photo deleted


def test_a_file_that_is_not_what_it_claims_or_not_the_applicants_is_refused_and_nothing_changes(client, deps, people,
                                                                                             york_types):
    landlord, stranger = people(), people()
    case = started(client, landlord)
    path = f"/v1/licensing/cases/{case['id']}/documents/dps_consent"
    fake_pdf = uploaded(client, deps, small_png(), "application/pdf", auth=landlord.auth)
    theirs = uploaded(client, deps, PDF, "application/pdf", auth=stranger.auth)
    for upload_id in (fake_pdf, theirs, "not-an-upload", None):
        refused = client.post(path, {"upload_id": upload_id}, landlord.auth)
        assert refused.status_code == 422, refused.json_body
        assert refused.json_body["error"]["fields"][0]["field"] == "upload_id"
    assert deps.licensing.get(case["id"]).documents in ({}, None)
    assert list(deps.blobs.keys(f"form-files/{case['id']}/")) == []
    assert client.post(f"/v1/licensing/cases/{case['id']}/documents/tax_return", {"upload_id": theirs},
                       landlord.auth).json_body["error"]["code"] == "document_not_found"
    assert client.post(path, {"upload_id": theirs}, stranger.auth).status_code == 404  # not their case


def test_a_required_document_is_asked_for_before_the_fee_and_the_fee_is_asked_once_it_is_sent(client, deps, people,
                                                                                                pay):
    from chalicelib.handlers.licensing.catalogue import problems
    types = json.loads(YORK_TYPES.read_text())
    next(t for t in types if t["id"] == "premises-licence")["documents"][0]["required"] = True
    from datetime import date
    assert problems(types, deps.council.jurisdiction, date(2026, 11, 28)) == []
    types[0]["documents"][1]["required"] = "yes"
    assert "document dps_consent: required is true or false" in str(
        problems(types, deps.council.jurisdiction, date(2026, 11, 28)))
    types[0]["documents"][1]["required"] = False
    deps.licensing.save_types(types, deps.licensing.types()[1])
    landlord = people()
    case = started(client, landlord)
    refused = client.post(f"/v1/licensing/cases/{case['id']}/pay", {}, landlord.auth)
    assert refused.status_code == 422
    assert refused.json_body["error"]["fields"] == [{"field": "documents", "message": (
        "Send A plan of the premises before you pay: the council needs them to take the application.")}]
    assert deps.licensing.get(case["id"]).state == "draft" and deps.licensing.get(case["id"]).payment_id is None
    pdf = uploaded(client, deps, PDF, "application/pdf", auth=landlord.auth)
    client.post(f"/v1/licensing/cases/{case['id']}/documents/plan", {"upload_id": pdf}, landlord.auth)
    paying = client.post(f"/v1/licensing/cases/{case['id']}/pay", {}, landlord.auth)
    assert paying.status_code in (200, 201), paying.json_body
    assert paying.json_body["payment"]["next_url"]
    closed = client.post(f"/v1/licensing/cases/{case['id']}/documents/dps_consent", {"upload_id": pdf}, landlord.auth)
    assert closed.status_code == 409 and closed.json_body["error"]["code"] == "documents_closed"


def test_an_officer_opens_a_document_only_with_a_reason_and_the_opening_is_audited(client, deps, people, york_types):
    landlord = people()
    officer = people("staff", email="licensing.officer@example.org", name="Lin Officer")
    case = started(client, landlord)
    pdf = uploaded(client, deps, PDF, "application/pdf", auth=landlord.auth)
    client.post(f"/v1/licensing/cases/{case['id']}/documents/plan", {"upload_id": pdf, "name": "plan.pdf"},
                landlord.auth)
    stored = deps.licensing.get(case["id"])
    stored.state = "received"  # as its paid fee leaves it: the desk opens received cases
    deps.licensing.save(stored, stored.seq, listed=True)
    path = f"/v1/staff/licensing/cases/{case['id']}/documents/plan"
    unsaid = client.post(path, {}, officer.auth)
    assert unsaid.status_code == 400 and unsaid.json_body["error"]["fields"][0]["field"] == "Access-Reason"
    assert list(deps.audit.entries(case["id"])) == []
    opened = client.post(path, {}, {**officer.auth, "Access-Reason": "Checking the plan before the hearing"})
    assert opened.status_code == 200, opened.json_body
    assert opened.json_body["name"] == "plan.pdf" and opened.json_body["content_type"] == "application/pdf"
    assert [(e.action, e.reason, e.by_email) for e in deps.audit.entries(case["id"])] == [
        ("file_opened", "Checking the plan before the hearing", "licensing.officer@example.org")]
    assert client.post(path, {}, {**landlord.auth, "Access-Reason": "Curious"}).status_code == 403
    none_yet = client.post(f"/v1/staff/licensing/cases/{case['id']}/documents/dps_consent", {},
                           {**officer.auth, "Access-Reason": "Checking the consent"})
    assert none_yet.status_code == 404 and none_yet.json_body["error"]["code"] == "file_not_found"


def test_one_file_sent_as_two_documents_stays_for_the_second_when_the_first_is_replaced(client, deps, people,
                                                                                        york_types):
    from chalicelib.handlers.licensing.documents import key_of
    landlord = people()
    officer = people("staff", email="licensing.officer@example.org", name="Lin Officer")
    case = started(client, landlord)
    combined = uploaded(client, deps, PDF, "application/pdf", auth=landlord.auth)
    for document_id in ("plan", "dps_consent"):
        assert client.post(f"/v1/licensing/cases/{case['id']}/documents/{document_id}",
                           {"upload_id": combined, "name": "all.pdf"}, landlord.auth).status_code == 200
    better = uploaded(client, deps, PDF, "application/pdf", auth=landlord.auth)
    replaced = client.post(f"/v1/licensing/cases/{case['id']}/documents/plan", {"upload_id": better}, landlord.auth)
    assert sent(replaced, "plan")["upload_id"] == better and sent(replaced, "dps_consent")["upload_id"] == combined
    assert deps.blobs.read(key_of(case["id"], combined)) == PDF  # still the consent's file
    stored = deps.licensing.get(case["id"])
    stored.state = "received"
    deps.licensing.save(stored, stored.seq, listed=True)
    opened = client.post(f"/v1/staff/licensing/cases/{case['id']}/documents/dps_consent", {},
                         {**officer.auth, "Access-Reason": "Checking the consent"})
    assert opened.status_code == 200, opened.json_body
    again = client.post(f"/v1/licensing/cases/{case['id']}/documents/dps_consent", {"upload_id": better}, landlord.auth)
    assert again.status_code == 200
    assert sorted(deps.blobs.keys(f"form-files/{case['id']}/")) == [key_of(case["id"], better)]  # named by none: gone
