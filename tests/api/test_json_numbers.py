"""Where the document says number, a JSON body's number must be one: "53.96"
is refused with the field named (query strings and Open311's forms carry
numbers as text, and still may)."""
from conftest import pothole


def test_a_report_whose_latitude_is_text_is_refused_naming_the_field(client):
    r = client.post("/v1/reports", pothole(lat="53.96", lon=-1.08))
    assert r.status_code == 400, r.body
    assert r.json_body["error"]["fields"] == [{"field": "lat", "message": "Must be a number, not text."}]
    assert client.post("/v1/reports", pothole(lat=53.96, lon=-1.08)).status_code == 201


def test_an_area_alert_whose_radius_is_text_is_refused_naming_the_field(client, people):
    resident = people()
    r = client.post("/v1/alerts", {"kind": "area", "lat": 53.96, "lon": -1.08, "radius_m": "500",
                                   "channels": ["email"]}, resident.auth)
    assert r.status_code == 400, r.body
    assert "radius_m" in [f["field"] for f in r.json_body["error"]["fields"]]
