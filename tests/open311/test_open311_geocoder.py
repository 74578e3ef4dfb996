"""address_string the address table does not know goes to the geocoder named
by DOORSTEP_GEOCODER: here a real HTTP server on 127.0.0.1 answering as
Nominatim's /search does, so geopy's own request and parsing run."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import store_addresses
from support.open311_support import API_KEY, ERRORS, graffiti, post_form, read_back, read_json

INSIDE_YORK = {"lat": "53.9590", "lon": "-1.0815",
               "display_name": "Stonegate, Minster Quarter, York, City of York, England, YO1 8AS, United Kingdom"}
OUTSIDE_YORK = {"lat": "53.8008", "lon": "-1.5491", "display_name": "Briggate, Leeds, England, United Kingdom"}


class FakeNominatim:
    def __init__(self):
        self.results, self.queries = [], []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlsplit(self.path)
                fake.queries.append((url.path, parse_qs(url.query)))
                body = json.dumps(fake.results if url.path == "/search" else []).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def geocoder_env(port):
    return json.dumps({"service": "nominatim", "options": {
        "user_agent": "doorstep-test", "domain": f"127.0.0.1:{port}", "scheme": "http"}})


@pytest.fixture
def nominatim(monkeypatch):
    # before `client`: Chalice's test client snapshots the environment
    fake = FakeNominatim()
    monkeypatch.setenv("DOORSTEP_GEOCODER", geocoder_env(fake.port))
    yield fake
    fake.close()


@pytest.fixture
def nominatim_down(monkeypatch):
    from support.ports import refused_port
    with refused_port() as port:  # a port nothing listens on, held so nothing can
        monkeypatch.setenv("DOORSTEP_GEOCODER", geocoder_env(port))
        yield


@pytest.fixture(autouse=True)
def setup(monkeypatch, deps):
    monkeypatch.setenv("OPEN311_API_KEYS", API_KEY)
    store_addresses(deps)


def spec_error(response, status):
    assert response.status_code == status, response.body
    [error] = read_json(response, ERRORS)
    assert error["code"] == status
    from chalicelib.storage.reports.reports import ReportModel
    assert ReportModel.count() == 0
    return error["description"]


def test_a_string_the_table_does_not_know_is_placed_by_the_geocoder_inside_york(nominatim, client):
    nominatim.results = [INSIDE_YORK]
    request = read_back(client, post_form(client, "/open311/v2/requests.json",
                                          graffiti(address_string="Stonegate, York")))
    assert (request["lat"], request["long"]) == (53.959, -1.0815)
    assert request["address"] == INSIDE_YORK["display_name"]
    [(path, query)] = nominatim.queries
    assert path == "/search" and query["q"] == ["Stonegate, York"]
    assert query["bounded"] == ["1"] and len(query["viewbox"][0].split(",")) == 4  # the council's box


def test_the_geocoders_address_is_kept_to_200_characters(nominatim, client):
    nominatim.results = [{**INSIDE_YORK, "display_name": "Stonegate, " + "x" * 400}]
    request = read_back(client, post_form(client, "/open311/v2/requests.json",
                                          graffiti(address_string="Stonegate, York")))
    assert request["address"].startswith("Stonegate, x") and len(request["address"]) == 200


def test_a_result_outside_the_service_area_is_refused_as_no_match(nominatim, client):
    nominatim.results = [OUTSIDE_YORK]
    response = post_form(client, "/open311/v2/requests.json", graffiti(address_string="Briggate, Leeds"))
    description = spec_error(response, 400)
    assert "outside the area" in description and "send lat and long" in description


def test_no_result_is_the_same_400(nominatim, client):
    nominatim.results = []
    response = post_form(client, "/open311/v2/requests.json", graffiti(address_string="Nowhere Lane"))
    description = spec_error(response, 400)
    assert "no such place" in description and "send lat and long" in description


def test_a_geocoder_that_is_down_is_a_spec_503(nominatim_down, client):
    response = post_form(client, "/open311/v2/requests.json", graffiti(address_string="Stonegate, York"))
    assert spec_error(response, 503) == "address lookup unavailable, send lat and long."


def test_a_bad_configuration_is_a_503_too(monkeypatch, client):
    monkeypatch.setenv("DOORSTEP_GEOCODER", '{"service": "no-such-geocoder"}')
    response = post_form(client, "/open311/v2/requests.json", graffiti(address_string="Stonegate, York"))
    spec_error(response, 503)


def test_the_address_table_wins_when_it_matches(nominatim, client):
    nominatim.results = [INSIDE_YORK]
    request = read_back(client, post_form(client, "/open311/v2/requests.json",
                                          graffiti(address_string="12 Micklegate, York YO1 7HH")))
    assert (request["lat"], request["long"]) == (53.9562, -1.0879)
    assert request["address"] == "12 Micklegate, York"
    assert nominatim.queries == []


def test_address_id_is_never_geocoded(nominatim, client):
    response = post_form(client, "/open311/v2/requests.json", graffiti(address_id="990000009999"))
    assert "unknown address_id" in spec_error(response, 400)
    assert nominatim.queries == []


@pytest.fixture
def no_geocoder(monkeypatch):
    monkeypatch.delenv("DOORSTEP_GEOCODER", raising=False)


def test_without_a_geocoder_the_table_alone_answers(no_geocoder, client):
    response = post_form(client, "/open311/v2/requests.json", graffiti(address_string="Stonegate, York"))
    assert "no UK postcode" in spec_error(response, 400)


def test_importing_the_app_never_imports_geopy():
    import subprocess
    import sys
    code = "import sys, app; print(sorted(m for m in sys.modules if m.split('.')[0] == 'geopy'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=__import__("pathlib").Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "[]", out.stdout
