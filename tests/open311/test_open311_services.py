"""Partner systems discover Doorstep's categories through Open311."""
import pytest

from support.open311_support import DEFINITION, DISCOVERY, ERRORS, SERVICES, read_json, read_xml


def test_discovery_names_the_v2_endpoint_in_both_formats(client):
    body = read_json(client.get("/open311/v2/discovery.json"), DISCOVERY)
    endpoint = body["endpoints"][0]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"].endswith("/open311/v2")
    assert set(endpoint["formats"]) == {"text/xml", "application/json"}
    xml = read_xml(client.get("/open311/v2/discovery.xml"))
    assert xml["endpoints"]["endpoint"]["formats"]["format"] == ["text/xml", "application/json"]


def test_service_list_is_a_bare_array_with_comma_joined_keywords(client):
    services = read_json(client.get("/open311/v2/services.json"), SERVICES)
    pothole = next(s for s in services if s["service_code"] == "pothole")
    assert pothole == {"service_code": "pothole", "service_name": "Pothole",
                       "description": "A hole or crack in the road surface.", "metadata": True,
                       "type": "realtime", "keywords": "road,hole,tarmac,crater,surface",
                       "group": "Roads and pavements"}


def test_private_categories_carry_the_private_keyword(client):
    services = {s["service_code"]: s for s in read_json(client.get("/open311/v2/services.json"), SERVICES)}
    assert services["complaint"]["keywords"].split(",")[-1] == "private"
    assert "private" not in services["pothole"]["keywords"].split(",")


def test_fixmystreet_reads_the_service_list_from_xml(client):
    xml = read_xml(client.get("/open311/v2/services.xml"))
    codes = [s["service_code"] for s in xml["service"]]
    assert codes[0] == "pothole" and "complaint" in codes
    assert xml["service"][0]["metadata"] == "true"


def test_a_definition_lists_typed_attributes_with_their_values(client):
    body = read_json(client.get("/open311/v2/services/fly_tipping.json"), DEFINITION)
    attributes = {a["code"]: a for a in body["attributes"]}
    assert [a["order"] for a in body["attributes"]] == list(range(1, len(body["attributes"]) + 1))
    assert attributes["waste_types"]["datatype"] == "multivaluelist"
    assert attributes["waste_types"]["required"] is True
    assert {"key": "furniture", "name": "Furniture or mattresses"} in attributes["waste_types"]["values"]
    assert attributes["amount"]["datatype"] == "singlevaluelist"
    assert attributes["seen_on"]["datatype"] == "datetime"
    abandoned = read_json(client.get("/open311/v2/services/abandoned_vehicle.json"), DEFINITION)
    kinds = {a["code"]: a["datatype"] for a in abandoned["attributes"]}
    assert kinds == {"registration": "string", "make_colour": "string", "days_seen": "number"}


def test_the_legacy_singular_path_gives_the_same_definition(client):
    plural = client.get("/open311/v2/services/pothole.xml")
    singular = client.get("/open311/v2/service/pothole.xml")
    assert singular.status_code == 200 and singular.body == plural.body
    attribute = read_xml(singular)["attributes"]["attribute"][0]
    assert attribute["code"] == "size" and attribute["variable"] == "true"
    assert [v["key"] for v in attribute["values"]["value"]] == ["small", "medium", "large"]


@pytest.mark.parametrize("path", ["/open311/v2/services/no_such_thing.json", "/open311/v2/service/nope.json",
                                  "/open311/v2/nothing.json", "/open311/v2/services.csv",
                                  "/open311/v2/services", "/open311/v2/tokens/abc.json"])
def test_unknown_services_resources_and_formats_are_404_in_the_spec_shape(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert read_json(response, ERRORS)[0]["code"] == 404


def test_an_unknown_service_in_xml_is_an_xml_error(client):
    response = client.get("/open311/v2/services/no_such_thing.xml")
    assert response.status_code == 404
    assert read_xml(response)["error"] == [{"code": "404", "description": "No service no_such_thing."}]


def test_the_xml_content_type_can_be_bare_for_a_strict_validator(client, monkeypatch):
    monkeypatch.setenv("DOORSTEP_OPEN311_XML_CONTENT_TYPE", "text/xml")
    response = client.get("/open311/v2/services.xml")
    assert response.headers["Content-Type"] == "text/xml"


def test_inactive_and_staff_categories_carry_mysociety_keywords(client):
    from chalicelib.storage.reports.services import ServiceStore
    store = ServiceStore()
    graffiti = store.get("graffiti")
    store.put({**graffiti, "active": False})
    services = {s["service_code"]: s for s in read_json(client.get("/open311/v2/services.json"), SERVICES)}
    assert "inactive" in services["graffiti"]["keywords"].split(",")
    assert "staff" in services["highway_inspection"]["keywords"].split(",")
    assert "inactive" not in services["pothole"]["keywords"].split(",")
    # an inactive category keeps its definition for partners' old reports
    assert client.get("/open311/v2/services/graffiti.json").status_code == 200
