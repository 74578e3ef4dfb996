"""Which jurisdiction_id names which council: its id, or the web domain its
settings give (`open311_jurisdiction`, as GeoReport v2 suggests: "the
jurisdiction's main website root url"), one council's only; an id no council
has is refused with the spec's 404 naming it, in JSON and XML; discovery
answers for the jurisdiction asked for; and finding one reads nothing on a
warm function, with 4 councils or 40."""
import pytest

from support.councils_support import NL_HOST, YORK_HOST, add, at, north_lanarkshire, york
from support.jurisdictions_support import NL, NL_KEY, MOTHERWELL, a_pothole, codes, councils  # noqa: F401
from support.open311_support import DISCOVERY, ERRORS, REQUESTS, SERVICES, post_form, read_json, read_xml

OPEN311_GETS = ["/open311/v2/services.json", "/open311/v2/discovery.json", "/open311/v2/requests.json",
                "/open311/v2/servicerequestupdates.json", "/open311/v2/services/pothole.json",
                "/open311/v2/service/pothole.json", "/open311/v2/requests/DS-ZZZZZZ.json",
                "/open311/v2/tokens/abc.json"]


@pytest.mark.parametrize("path", OPEN311_GETS)
def test_an_unknown_jurisdiction_is_refused_in_open311s_error_shape_in_json_and_xml(client, councils, path):
    response = client.get(f"{path}?jurisdiction_id=leeds.gov.uk", at(YORK_HOST))
    assert response.status_code == 404
    [error] = read_json(response, ERRORS)
    assert error["code"] == 404 and error["description"].startswith("jurisdiction_id: ")
    assert "leeds.gov.uk" in error["description"]
    xml = read_xml(client.get(f"{path.replace('.json', '.xml')}?jurisdiction_id=leeds.gov.uk"))
    assert xml["error"][0]["code"] == "404" and xml["error"][0]["description"] == error["description"]
    assert response.headers["Server-Timing"].startswith("dynamodb;dur=")


@pytest.mark.parametrize("resource", ["requests", "servicerequestupdates"])
@pytest.mark.parametrize("in_query", [False, True])
def test_a_post_for_an_unknown_jurisdiction_is_a_spec_404_and_writes_nothing(client, councils, resource, in_query):
    fields = a_pothole(NL_KEY, MOTHERWELL) if resource == "requests" else {
        "api_key": NL_KEY, "service_request_id": "DS-ZZZZZZ", "update_id": "x", "status": "FIXED"}
    query = {"jurisdiction_id": "leeds.gov.uk"} if in_query else None
    if not in_query:
        fields["jurisdiction_id"] = "leeds.gov.uk"
    response = post_form(client, f"/open311/v2/{resource}.xml", fields, query=query, headers=at(NL_HOST))
    assert response.status_code == 404
    assert "jurisdiction_id" in read_xml(response)["error"][0]["description"]
    assert read_json(client.get("/open311/v2/requests.json", at(NL_HOST)), REQUESTS) == []


def test_a_council_is_named_by_the_jurisdiction_its_settings_give_in_any_case(client, councils, deps):
    from chalicelib.councils import settings
    settings.write(councils, dict(north_lanarkshire(), open311_jurisdiction="northlanarkshire.gov.uk"), 1,
                   deps.clock(), "test")
    for named in ("northlanarkshire.gov.uk", "NorthLanarkshire.gov.uk", NL):
        listed = client.get(f"/open311/v2/services.json?jurisdiction_id={named}", at(YORK_HOST))
        assert codes(read_json(listed, SERVICES)) == ["pothole", "grit_bin"], named
    assert client.get("/open311/v2/services.json?jurisdiction_id=northlanarkshire.localhost").status_code == 404


def test_a_jurisdiction_is_one_councils_and_a_change_that_takes_anothers_is_refused_whole(deps):
    from chalicelib.councils import settings
    from chalicelib.errors import ValidationFailed
    store = add(deps, dict(york(), open311_jurisdiction="york.gov.uk"), north_lanarkshire())
    grabbing = dict(north_lanarkshire(), open311_jurisdiction="york.gov.uk", name="Renamed")
    with pytest.raises(settings.JurisdictionTaken) as taken:
        settings.write(store, grabbing, 1, deps.clock(), "test")
    assert taken.value.status == 409 and taken.value.fields[0]["field"] == "$.open311_jurisdiction"
    assert store.get(NL, consistent=True)[0]["name"] == "North Lanarkshire Council"
    for refused in ("York Council", "york", "YORK.GOV.UK"):  # a domain, in lower case: never a council's id
        with pytest.raises(ValidationFailed) as bad:
            settings.write(store, dict(york(), open311_jurisdiction=refused), 1, deps.clock(), "test")
        assert [f["field"] for f in bad.value.fields] == ["$.open311_jurisdiction"]
    # Given up, it is free for another council.
    assert settings.write(store, dict(york(), open311_jurisdiction="cyc.gov.uk"), 1, deps.clock(), "test") == 2
    assert settings.write(store, grabbing, 1, deps.clock(), "test") == 2
    from chalicelib.councils.registry import council_for_jurisdiction
    assert (council_for_jurisdiction("york.gov.uk"), council_for_jurisdiction("cyc.gov.uk")) == (NL, "york")


def test_discovery_names_the_jurisdictions_own_endpoint_and_contact(client, councils):
    theirs = read_json(client.get(f"/open311/v2/discovery.json?jurisdiction_id={NL}"), DISCOVERY)
    [endpoint] = theirs["endpoints"]
    assert endpoint["url"].startswith(f"http://{NL_HOST}:") and endpoint["url"].endswith("/open311/v2")
    assert theirs["contact"].startswith("North Lanarkshire Council")
    assert read_json(client.get("/open311/v2/discovery.json", at(NL_HOST)), DISCOVERY) == theirs
    ours = read_xml(client.get("/open311/v2/discovery.xml?jurisdiction_id=york", at(NL_HOST)))
    assert ours["contact"].startswith("City of York Council")
    assert not ours["endpoints"]["endpoint"]["url"].startswith(f"http://{NL_HOST}")


def numbered(n):
    return dict(north_lanarkshire(), id=f"council-{n}", name=f"Council {n}", short_name=f"Council {n}",
                hosts=[f"council-{n}.localhost"], open311_jurisdiction=f"council-{n}.gov.uk")


@pytest.mark.parametrize("count", [4, 40])
def test_a_warm_function_finds_a_jurisdiction_with_no_read_with_4_councils_or_40(deps, count):
    from chalicelib.councils.registry import council_for_jurisdiction
    from chalicelib.storage import metering
    add(deps, york(), *[numbered(n) for n in range(1, count)])
    with metering.metered() as cold:
        assert council_for_jurisdiction(f"council-{count - 1}.gov.uk") == f"council-{count - 1}"
    assert cold.queries == cold.calls <= 2  # the addresses and the jurisdictions: one Query each
    with metering.metered() as warm:
        assert [council_for_jurisdiction(j) for j in ("council-1", "Council-2.gov.uk", "york", "leeds.gov.uk")] \
            == ["council-1", "council-2", "york", None]
    assert warm.calls == 0
