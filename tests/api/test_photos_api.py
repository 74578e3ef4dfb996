"""Photos: presigned upload, then cleaned of metadata when a report uses them."""
import io

import pytest

from conftest import jpeg_with_gps, pothole  # noqa: F401 (re-exported)


def upload(client, data, content_type="image/jpeg", headers=None):
    """What a phone does: ask for a form, then send the file to S3 with it."""
    import requests
    r = client.post("/v1/uploads", {"content_type": content_type, "size": len(data)}, headers)
    assert r.status_code == 201, r.json_body
    form = r.json_body
    sent = requests.post(form["url"], data=form["fields"], files={"file": ("photo", data, content_type)})
    assert sent.status_code in (200, 204), sent.text
    return form["upload_id"]


def test_photo_is_stored_without_its_gps_location(client):
    from PIL import Image
    from chalicelib.storage.blobs import BlobStore
    raw = jpeg_with_gps()
    assert b"GPS" in raw or Image.open(io.BytesIO(raw)).getexif().get_ifd(0x8825)
    upload_id = upload(client, raw)
    report = client.post("/v1/reports", pothole(photos=[upload_id])).json_body
    assert len(report["photos"]) == 1
    url = report["photos"][0]
    name = url.split("?")[0].rsplit("/", 1)[1]
    cleaned = BlobStore().read("photos/" + name)
    assert not Image.open(io.BytesIO(cleaned)).getexif().get_ifd(0x8825)
    r = client.get(url.replace("http://testserver", ""))
    assert r.status_code == 302 and name in r.headers["Location"]


def test_photo_cannot_be_attached_to_two_reports(client):
    upload_id = upload(client, jpeg_with_gps())
    assert client.post("/v1/reports", pothole(photos=[upload_id])).status_code == 201
    r = client.post("/v1/reports", pothole(photos=[upload_id]))
    assert r.status_code == 409 and r.json_body["error"]["code"] == "photo_already_used"


def test_text_file_posing_as_a_photo_is_refused_and_nothing_is_stored(client):
    from chalicelib.storage.reports.reports import ReportModel
    upload_id = upload(client, b"#!/bin/sh\necho not a photo\n")
    r = client.post("/v1/reports", pothole(photos=[upload_id]))
    assert r.status_code == 422 and r.json_body["error"]["code"] == "not_an_image"
    assert r.json_body["error"]["fields"][0]["field"] == "photos[0]"
    assert ReportModel.count() == 0


def test_a_document_uploaded_for_a_form_is_no_reports_photo(client, deps):
    from support.forms_support import uploaded
    pdf = uploaded(client, deps, b"%PDF-1.7\n%%EOF\n", "application/pdf")
    r = client.post("/v1/reports", pothole(photos=[pdf]))
    assert r.status_code == 422 and r.json_body["error"]["code"] == "not_an_image"


def test_upload_that_was_never_sent_is_a_clear_error(client):
    form = client.post("/v1/uploads", {"content_type": "image/png", "size": 1000}).json_body
    r = client.post("/v1/reports", pothole(photos=[form["upload_id"]]))
    assert r.status_code == 422 and r.json_body["error"]["code"] == "upload_missing"


def test_unknown_upload_id_is_a_clear_error(client):
    r = client.post("/v1/reports", pothole(photos=["f" * 32]))
    assert r.status_code == 422 and r.json_body["error"]["code"] == "upload_not_found"


@pytest.mark.parametrize("body,status", [
    ({"content_type": "application/x-msdownload", "size": 100}, 400),
    ({"content_type": "image/jpeg", "size": 0}, 400),
    ({"content_type": "image/jpeg", "size": 11 * 1024 * 1024}, 413),
    ({"content_type": "application/pdf", "size": 21 * 1024 * 1024}, 413),
])
def test_upload_request_refuses_what_is_neither_a_photo_nor_a_document_and_oversized_files(client, body, status):
    r = client.post("/v1/uploads", body)
    assert r.status_code == status
    assert "error" in r.json_body


def test_upload_form_limits_type_and_size(client):
    form = client.post("/v1/uploads", {"content_type": "image/jpeg", "size": 2000}).json_body
    assert form["fields"]["Content-Type"] == "image/jpeg"
    assert form["max_bytes"] == 10 * 1024 * 1024 and form["expires_at"].endswith("Z")


def test_a_signed_in_residents_photo_cannot_be_attached_by_anyone_else(client, people):
    ada, bob = people(), people()
    photo = upload(client, jpeg_with_gps(), headers=ada.auth)
    taken = client.post("/v1/reports", pothole(photos=[photo]), bob.auth)
    assert taken.status_code == 422 and taken.json_body["error"]["code"] == "upload_not_found"
    assert client.post("/v1/reports", pothole(photos=[photo])).status_code == 422  # nor anonymously
    assert client.post("/v1/reports", pothole(photos=[photo]), ada.auth).status_code == 201


def test_a_photo_taken_before_signing_in_goes_with_the_report_made_after(client, people):
    photo = upload(client, jpeg_with_gps())
    assert client.post("/v1/reports", pothole(photos=[photo]), people().auth).status_code == 201
