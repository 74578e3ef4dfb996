"""Journeys through the HTTP API: report, track, and see it on the map."""
from conftest import pothole


def test_services_list_uk_council_categories_with_typed_fields(client):
    r = client.get("/v1/services")
    assert r.status_code == 200
    services = {s["service_code"]: s for s in r.json_body["services"]}
    for code in ("pothole", "street_light", "fly_tipping", "graffiti", "litter", "litter_bin", "missed_bin",
                 "blocked_drain", "abandoned_vehicle", "dog_fouling", "damaged_pavement",
                 "complaint", "compliment", "foi_request"):
        assert code in services, code
    assert services["complaint"]["location"] == "none"
    assert "0" in services["street_light"]["notice"]
    types = {f["type"] for s in services.values() for f in s["fields"]}
    assert types == {"text", "number", "single_choice", "multi_choice", "date"}


def test_anonymous_resident_can_track_report_with_token(client):
    r = client.post("/v1/reports", pothole())
    assert r.status_code == 201
    report = r.json_body
    assert report["id"].startswith("DS-") and len(report["id"]) == 9
    assert r.headers["Location"].endswith(f"/v1/reports/{report['id']}")
    assert report["status"] == "open" and report["open"] is True
    token = report["tracking_token"]

    private = client.get(f"/v1/reports/{report['id']}?token={token}").json_body
    assert private["view"] == "private"
    assert private["contact"]["email"] == "ada@example.org"

    public = client.get(f"/v1/reports/{report['id'].lower()}").json_body
    assert public["view"] == "public" and public["description"].startswith("Deep pothole")


def test_public_view_never_contains_reporter_personal_details(client):
    report = client.post("/v1/reports", pothole()).json_body
    public = client.get(f"/v1/reports/{report['id']}")
    for secret in ("Ada Resident", "ada@example.org", "07700 900123", report["tracking_token"]):
        assert secret not in public.body.decode()
    assert "contact" not in public.json_body


def test_wrong_tracking_token_is_refused(client):
    report = client.post("/v1/reports", pothole()).json_body
    r = client.get(f"/v1/reports/{report['id']}?token=not-the-token")
    assert r.status_code == 403
    assert r.json_body["error"]["code"] == "invalid_token"


def test_report_outside_york_is_refused_as_outside_service_area(client):
    r = client.post("/v1/reports", pothole(lat=51.5007, lon=-0.1246))  # Westminster
    assert r.status_code == 422
    assert r.json_body["error"]["code"] == "outside_service_area"


def test_invalid_report_lists_every_bad_field(client):
    r = client.post("/v1/reports", pothole(lat=123, lon="east", description="", fields={"size": "huge", "colour": 1},
                                           contact={"email": "not-an-email", "phone": "12"},
                                           photos=[str(i) for i in range(7)]))
    assert r.status_code == 400
    error = r.json_body["error"]
    assert error["code"] == "validation_failed"
    fields = {f["field"] for f in error["fields"]}
    assert {"lat", "lon", "description", "fields.size", "fields.colour", "contact.email",
            "contact.phone", "photos"} <= fields
    # Said in the field's own words, as the app's screen says it.
    assert {"field": "description", "message": "Enter a description of the problem"} in error["fields"]


def test_unknown_or_inactive_category_is_a_field_error(client):
    r = client.post("/v1/reports", pothole(service_code="volcano"))
    assert r.status_code == 422  # well-formed; the categories are the council's data
    assert r.json_body["error"]["fields"][0]["field"] == "service_code"


def test_non_located_complaint_needs_no_location_and_stays_private(client):
    body = {"service_code": "complaint", "description": "The bin crew left my gate open again.",
            "fields": {"service_area": "Bins"}, "contact": {"email": "ada@example.org"}}
    report = client.post("/v1/reports", body).json_body
    assert "location" not in report
    public = client.get(f"/v1/reports/{report['id']}").json_body
    assert "description" not in public and public["service_code"] == "complaint"


def test_malformed_json_gets_the_error_shape_not_a_500(client):
    r = client.post("/v1/reports", "{not json")
    assert r.status_code == 400
    assert r.json_body["error"]["code"] == "invalid_json"
    r = client.post("/v1/reports", "[1, 2]")
    assert r.status_code == 400 and r.json_body["error"]["code"] == "validation_failed"


def test_wrong_content_type_gets_the_error_shape(client):
    r = client.raw.http.post("/v1/reports", body="x=1", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415
    assert r.json_body["error"]["code"] == "unsupported_media_type"


def test_unknown_report_and_unknown_route_get_json_404(client):
    r = client.get("/v1/reports/DS-ZZZZZZ")
    assert r.status_code == 404 and r.json_body["error"]["code"] == "report_not_found"
    r = client.get("/v1/reports/not-a-reference")
    assert r.status_code == 404
    r = client.get("/nothing-here")
    assert r.status_code == 404 and r.json_body["error"]["code"] == "not_found"


def test_timeline_starts_with_creation(client):
    report = client.post("/v1/reports", pothole()).json_body
    timeline = client.get(f"/v1/reports/{report['id']}/updates").json_body["updates"]
    assert [(u["seq"], u["kind"], u["status"]) for u in timeline] == [(1, "created", "open")]


def test_health_reports_storage_reachable(client):
    r = client.get("/v1/health")
    assert r.status_code == 200 and r.json_body == {"status": "ok", "storage": "ok"}


def test_report_ids_use_an_unambiguous_alphabet(client):
    for _ in range(5):
        rid = client.post("/v1/reports", pothole()).json_body["id"]
        assert not set(rid[3:]) & set("01OILU")


def test_a_report_whose_category_was_deleted_shows_only_its_status(client):
    from chalicelib.storage.reports.services import ServiceModel, clear_cache
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    ServiceModel(service_code="pothole").delete()
    clear_cache()
    public = client.get(f"/v1/reports/{rid}").json_body
    assert "description" not in public and "location" not in public
    assert rid not in client.get("/v1/reports?bbox=-1.10,53.95,-1.07,53.97").body.decode()


def test_staff_only_category_is_hidden_from_and_refused_to_residents(client, people):
    assert "highway_inspection" not in [s["service_code"] for s in client.get("/v1/services").json_body["services"]]
    body = pothole(service_code="highway_inspection", fields={"risk": "high"})
    r = client.post("/v1/reports", body)
    assert r.status_code == 400 and r.json_body["error"]["fields"][0]["field"] == "service_code"
    staff = people("staff")
    assert "highway_inspection" in [s["service_code"] for s in
                                    client.get("/v1/services", headers=staff.auth).json_body["services"]]
    assert client.post("/v1/reports", body, headers=staff.auth).status_code == 201
