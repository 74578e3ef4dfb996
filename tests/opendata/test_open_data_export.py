"""Open data: `doorstep export` and the nightly function write every public
report as CSV and GeoJSON with the council's licence in the metadata, and
nothing about who reported; GET /v1/open-data finds the latest files."""
import csv
import io
import json

import pytest

from conftest import pothole

CONTACT = {"name": "Ada Resident", "email": "ada@example.org", "phone": "07700 900123"}


def stored(name):
    from chalicelib.storage.blobs import PUBLIC_DATA_PREFIX, BlobStore
    return BlobStore().read(PUBLIC_DATA_PREFIX + name)


@pytest.fixture
def reports(client, people, deps):
    """Public reports (one signed in, one with a private field, one that opens
    like a formula), one in a private category and one staff marked private;
    returns (public ids, everything private)."""
    signed_in = people()
    made = [client.post("/v1/reports", pothole(contact=CONTACT)).json_body,
            client.post("/v1/reports", pothole(description="=HYPERLINK(\"http://evil.example\")",
                                               contact={}), signed_in.auth).json_body,
            client.post("/v1/reports", pothole(service_code="fly_tipping", contact=CONTACT, fields={
                "waste_types": ["household"], "amount": "van", "vehicle_seen": "AB12 CDE"})).json_body]
    hidden = client.post("/v1/reports", {"service_code": "compliment", "description": "Thanks to the bin crew",
                                         "contact": CONTACT}).json_body
    marked = client.post("/v1/reports", pothole(description="Mr Smith at number 4 dumps his bins here")).json_body
    assert all(r.get("id") for r in made + [hidden, marked]), made
    report = deps.reports.get(marked["id"])
    report.private = True  # as staff mark one: a name in the description
    deps.reports.save(report)
    secrets = [*CONTACT.values(), "AB12 CDE", signed_in.user.id, signed_in.user.email, hidden["id"], marked["id"],
               "Mr Smith", *(r["tracking_token"] for r in made + [hidden, marked] if r.get("tracking_token"))]
    return [r["id"] for r in made], secrets


def test_the_export_parses_as_csv_and_geojson_and_carries_no_personal_data(doorstep, reports, capsys):
    import geojson
    public, secrets = reports
    assert doorstep("export") == 0
    assert "3 public reports" in capsys.readouterr().out

    rows = list(csv.DictReader(io.StringIO(stored("reports.csv").decode("utf-8"), newline="")))
    assert sorted(r["id"] for r in rows) == sorted(public)
    formula = next(r for r in rows if "HYPERLINK" in r["description"])
    assert formula["description"].startswith("'=")  # a spreadsheet shows it rather than runs it
    assert all(float(r["lat"]) and float(r["lon"]) < 0 and r["open"] == "true" for r in rows)

    collection = geojson.loads(stored("reports.geojson").decode("utf-8"))
    assert collection.is_valid, collection.errors()
    assert sorted(f["id"] for f in collection["features"]) == sorted(public)
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert -1.2 < lon < -0.9 and 53.8 < lat < 54.1  # RFC 7946 order: longitude first
    assert collection["metadata"]["licence"]["name"] == "Open Government Licence v3.0"
    assert any(f["properties"]["description"].startswith("=HYPERLINK") for f in collection["features"])

    csvw = json.loads(stored("reports.csv-metadata.json"))
    assert csvw["dc:license"]["@id"].startswith("https://www.nationalarchives.gov.uk/doc/open-government-licence")
    assert [c["name"] for c in csvw["tableSchema"]["columns"]] == list(rows[0])

    for name in ("reports.csv", "reports.geojson", "reports.csv-metadata.json", "index.json"):
        text = stored(name).decode("utf-8")
        found = [secret for secret in secrets if secret in text]
        assert found == [], f"{name} holds {found}"


def test_open_data_has_one_address_that_describes_and_links_the_latest_files(client, doorstep, reports):
    from chalicelib.storage.blobs import PUBLIC_DATA_PREFIX
    before = client.get("/v1/open-data")
    assert (before.status_code, before.json_body["error"]["code"]) == (404, "not_published_yet")
    assert doorstep("export") == 0

    index = client.get("/v1/open-data")
    assert index.status_code == 200
    about = index.json_body
    assert (about["reports"], about["licence"]["id"]) == (3, "OGL-UK-3.0")
    assert "licensed under the Open Government Licence v3.0" in about["attribution"]
    urls = {f["name"]: f["url"] for f in about["files"]}
    assert urls["reports.csv"].endswith("/v1/open-data/reports.csv")
    csv_file = next(f for f in about["files"] if f["name"] == "reports.csv")
    assert csv_file["bytes"] == len(stored("reports.csv"))

    link = client.get("/v1/open-data/reports.geojson")
    assert link.status_code == 302
    assert f"/{PUBLIC_DATA_PREFIX}york/reports.geojson?" in link.headers["Location"]  # York's file
    missing = client.get("/v1/open-data/reports.xlsx")  # not one of the names its route declares: at the edge
    assert (missing.status_code, missing.json_body["error"]["code"]) == (404, "not_found")


def test_the_licence_is_the_councils_setting_and_a_setting_naming_none_publishes_nothing(
        doorstep, reports, monkeypatch, capsys):
    monkeypatch.setenv("DOORSTEP_OPEN_DATA_LICENCE", "York Open Licence|https://data.york.gov.uk/licence")
    monkeypatch.setenv("DOORSTEP_OPEN_DATA_PUBLISHER", "City of York Council")
    assert doorstep("export") == 0
    about = json.loads(stored("index.json"))
    assert about["licence"] == {"id": None, "name": "York Open Licence", "url": "https://data.york.gov.uk/licence"}
    assert about["publisher"] == "City of York Council"
    monkeypatch.setenv("DOORSTEP_OPEN_DATA_LICENCE", "do what you like")
    written = stored("index.json")
    assert doorstep("export") == 1
    assert "not published without a licence" in capsys.readouterr().err
    assert stored("index.json") == written
    assert doorstep("export", "--since", "2024-13") == 1


def test_an_export_reads_only_month_partitions_and_later_ones_keep_the_month_it_went_back_to(
        deps, doorstep, reports):
    from chalicelib.handlers.opendata.export import publish
    from chalicelib.storage import metering
    assert doorstep("export", "--since", "2025-01") == 0
    deps.services.all()  # the categories, cached as a warm function has them
    with metering.metered() as meter:
        index = publish(deps)
    assert index["from_month"] == "2025-01"
    assert set(meter.operations) == {"Query"}  # the month index and the figures' rows; never a Scan
    assert meter.items <= index["reports"] + 1 + len(deps.stats.rows())  # a private report is read, then dropped


def test_the_nightly_function_writes_the_export(client, reports):
    made = client.raw.lambda_.invoke("export_open_data", {
        "version": "0", "id": "x", "detail-type": "Scheduled Event", "source": "aws.events",
        "account": "123456789012", "time": "2026-11-22T02:30:00Z", "region": "eu-west-2",
        "resources": ["arn:aws:events:eu-west-2:123456789012:rule/export"], "detail": {}})
    assert made.payload is None or "errorMessage" not in str(made.payload)
    assert json.loads(stored("index.json"))["reports"] == 3
