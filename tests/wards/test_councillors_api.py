"""GET /v1/councillors: a resident finds their ward and councillors."""
import pytest

from conftest import store_addresses

from support.wards_support import ward

ANN = {"name": "Ann Calder", "party": "Green", "email": "cllr.ann.calder@example.org",
       "phone": "01632 960111", "surgery": "First Saturday, 10:00, the library"}
BEN = {"name": "Ben Ossett", "party": "Independent", "email": "cllr.ben.ossett@example.org"}


@pytest.fixture
def york(deps):
    # Micklegate's test addresses (conftest) lie in the first square; Bishopthorpe's in neither.
    deps.wards.put_many([ward("micklegate", -1.095, 53.950, name="Micklegate", councillors=[ANN, BEN]),
                         ward("guildhall", -1.085, 53.950, name="Guildhall")])
    store_addresses(deps)
    return deps


def test_resident_finds_ward_and_councillors_at_their_location(york, client):
    response = client.get("/v1/councillors?lat=53.9560&lon=-1.0885")
    assert response.status_code == 200
    assert response.json_body == {
        "ward": {"id": "micklegate", "name": "Micklegate"},
        "councillors": [ANN, {**BEN, "phone": None, "surgery": None}]}
    assert 'desc="queries=1 items=' in response.headers["Server-Timing"]


def test_resident_without_location_finds_councillors_by_postcode(york, client):
    response = client.get("/v1/councillors?postcode=yo1%207hh")
    assert response.status_code == 200
    assert response.json_body["ward"] == {"id": "micklegate", "name": "Micklegate"}


def test_a_ward_without_councillors_answers_an_empty_list(york, client):
    body = client.get("/v1/councillors?lat=53.955&lon=-1.080").json_body
    assert body == {"ward": {"id": "guildhall", "name": "Guildhall"}, "councillors": []}


def test_a_point_on_the_shared_boundary_gets_the_lowest_ward_id(york, client):
    body = client.get("/v1/councillors?lat=53.955&lon=-1.085").json_body
    assert body["ward"]["id"] == "guildhall"


def test_outside_every_ward_is_404_no_ward(york, client):
    for query in ("lat=53.9201&lon=-1.0979", "postcode=YO23%201AA", "lat=51.5&lon=-0.12"):
        response = client.get(f"/v1/councillors?{query}")
        assert response.status_code == 404, query
        assert response.json_body["error"]["code"] == "no_ward"


def test_unknown_postcode_is_404_and_bad_input_is_refused_naming_the_fields(york, client):
    unknown = client.get("/v1/councillors?postcode=YO1%209ZZ")  # in the council's districts, unknown
    assert unknown.status_code == 404 and unknown.json_body["error"]["code"] == "postcode_not_found"
    for query, fields, status in [("", {"lat", "lon"}, 422), ("lat=95&lon=-1.08", {"lat"}, 400),
                                  ("postcode=banana", {"postcode"}, 400),
                                  ("lat=53.95&lon=-1.08&postcode=YO17HH", {"postcode"}, 422)]:
        response = client.get(f"/v1/councillors?{query}")
        assert response.status_code == status, query
        assert {f["field"] for f in response.json_body["error"]["fields"]} == fields, query
