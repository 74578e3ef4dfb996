"""Clients on bad networks retry: creation must never store a duplicate."""
from conftest import pothole


def count_reports():
    from chalicelib.storage.reports.reports import ReportModel
    return ReportModel.count()


def test_same_idempotency_key_and_body_returns_the_same_report(client):
    key = {"Idempotency-Key": "3f1b2c9e-retry-me"}
    first = client.post("/v1/reports", pothole(), headers=key)
    again = client.post("/v1/reports", pothole(), headers=key)
    assert first.status_code == again.status_code == 201
    assert first.json_body["id"] == again.json_body["id"]
    assert again.json_body["tracking_token"] == first.json_body["tracking_token"]
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert count_reports() == 1


def test_same_idempotency_key_with_a_different_body_is_refused(client):
    key = {"Idempotency-Key": "5e0f7c1a-k1-different"}
    client.post("/v1/reports", pothole(), headers=key)
    r = client.post("/v1/reports", pothole(description="Something else entirely"), headers=key)
    assert r.status_code == 422
    assert r.json_body["error"]["code"] == "idempotency_key_reused"
    assert count_reports() == 1


def test_without_a_key_each_request_is_a_new_report(client):
    client.post("/v1/reports", pothole())
    client.post("/v1/reports", pothole())
    assert count_reports() == 2


def test_concurrent_duplicate_that_wins_the_race_is_returned_not_stored_twice(deps):
    """The replay check misses an in-flight twin; the transaction's condition
    on the idempotency record still stops a second report."""
    from chalicelib.handlers.reports import create as reports

    first, _ = reports.create_report(deps, pothole(), idempotency_key="race-7d3c9e2b-11aa")
    real_lookup = deps.reports.idempotency_record
    calls = []

    def blind_first_time(key):
        calls.append(key)
        return None if len(calls) == 1 else real_lookup(key)

    deps.reports.idempotency_record = blind_first_time
    second, created = reports.create_report(deps, pothole(), idempotency_key="race-7d3c9e2b-11aa")
    assert created is False and second["id"] == first["id"]
    assert count_reports() == 1


def test_reference_collision_draws_a_new_reference(deps):
    from chalicelib.handlers.reports import create as reports
    ids = iter(["DS-AAAAAA", "DS-AAAAAA", "DS-BBBBBB"])
    deps.new_report_id = lambda: next(ids)
    a, _ = reports.create_report(deps, pothole())
    b, _ = reports.create_report(deps, pothole())
    assert (a["id"], b["id"]) == ("DS-AAAAAA", "DS-BBBBBB")


def test_short_anonymous_idempotency_key_is_refused(client):
    r = client.post("/v1/reports", pothole(), headers={"Idempotency-Key": "1"})
    assert r.status_code == 400
    assert r.json_body["error"]["fields"][0]["field"] == "Idempotency-Key"


def test_expired_idempotency_key_can_be_used_again(deps):
    from datetime import timedelta
    from chalicelib.handlers.reports import create as reports
    first, _ = reports.create_report(deps, pothole(), idempotency_key="day-old-key-0123456789")
    later = deps.clock() + timedelta(hours=25)
    deps.clock = lambda: later
    second, created = reports.create_report(deps, pothole(), idempotency_key="day-old-key-0123456789")
    assert created is True and second["id"] != first["id"]


def test_retry_whose_twin_took_the_photo_gets_the_twins_report(client, deps):
    from test_photos_api import jpeg_with_gps, upload
    from chalicelib.handlers.reports import create as reports
    upload_id = upload(client, jpeg_with_gps())
    body = pothole(photos=[upload_id])
    first, _ = reports.create_report(deps, body, idempotency_key="photo-retry-0123456789")
    real_lookup = deps.reports.idempotency_record
    calls = []
    deps.reports.idempotency_record = lambda key: None if not calls.append(key) and len(calls) == 1 else real_lookup(key)
    second, created = reports.create_report(deps, body, idempotency_key="photo-retry-0123456789")
    assert created is False and second["id"] == first["id"]
