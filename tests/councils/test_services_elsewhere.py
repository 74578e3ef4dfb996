"""A council that does not provide a service says where to go instead (issue 71, item 3):
Newcastle-under-Lyme transferred its homes to Aspire Housing, so its council-tenant repairs are
off, and every repairs route answers 404 `provided_elsewhere` with the housing association's
repairs line (its settings' `instead`), whoever asks; a service switched off with nowhere named
stays the plain `not_offered`. Where-to-go is checked with the rest of the settings."""
import json

from support.councils_support import DEMO, DISTRICT, DISTRICT_HOST, YORK_HOST, add, at, york

from chalicelib.councils import settings

ASPIRE = {"name": "Aspire Housing", "phone": "01782 635200", "website": "https://www.aspirehousing.co.uk"}


def newcastle():
    """The demo borough's settings, without its back offices: their logins are `make run`'s secrets."""
    document = json.loads((DEMO / "newcastle-under-lyme" / "council.json").read_text())
    document.pop("back_offices", None)
    return document


def test_a_district_with_no_homes_answers_its_repairs_routes_with_the_housing_associations_line(client, deps):
    add(deps, york(), newcastle())
    client.get("/v1/council", at(DISTRICT_HOST))  # its settings kept, as a warm function has them
    for method, path in (("GET", "/v1/me/repairs"), ("GET", "/v1/repairs/questions"), ("POST", "/v1/repairs"),
                         ("GET", "/v1/repairs/RP-ABC123"), ("GET", "/v1/staff/repairs/board")):
        answer = client.raw.http.request(method, path, headers={"Host": DISTRICT_HOST, "Authorization": "Bearer x",
                                                                 "Content-Type": "application/json"}, body=b"{}")
        body = json.loads(answer.body)
        assert (answer.status_code, body["error"]["code"]) == (404, "provided_elsewhere"), (path, body)
        assert body["error"]["instead"] == ASPIRE
        assert body["error"]["message"] == ("Newcastle-under-Lyme Borough Council does not provide this service: "
                                            "Aspire Housing does. Phone 01782 635200 or go to "
                                            "https://www.aspirehousing.co.uk.")
        # refused before any session or repair is looked for
        assert 'desc="queries=0 items=0"' in answer.headers["Server-Timing"]
    # York's tenants report their repairs as ever
    assert client.get("/v1/me/repairs", at(YORK_HOST)).status_code == 401


def test_the_councils_page_names_where_to_go_for_what_it_does_not_provide(client, deps):
    add(deps, york(), newcastle())
    page = client.get("/v1/council", at(DISTRICT_HOST)).json_body
    assert page["services"]["repairs"] is False
    assert page["instead"] == {"repairs": ASPIRE}
    # bins, street cleaning, planning, council tax and benefits with its landlords' portal are the borough's own
    assert [name for name, on in page["services"].items() if not on] == ["repairs"]
    assert client.get("/v1/council", at(YORK_HOST)).json_body["instead"] == {}


def test_any_service_switched_off_may_name_where_to_go_and_one_without_stays_not_offered(client, deps):
    garden = {"name": "Staffordshire Garden Waste", "website": "https://www.example.org/garden"}
    add(deps, york(), dict(newcastle(), services={"repairs": False, "garden": False, "petitions": False},
                           instead={"repairs": ASPIRE, "garden": garden}))
    answer = client.get("/v1/waste/garden", at(DISTRICT_HOST))
    assert (answer.status_code, answer.json_body["error"]["code"]) == (404, "provided_elsewhere")
    assert answer.json_body["error"]["instead"] == garden
    assert answer.json_body["error"]["message"] == ("Newcastle-under-Lyme Borough Council does not provide this "
                                                    "service: Staffordshire Garden Waste does. Go to "
                                                    "https://www.example.org/garden.")
    plain = client.get("/v1/petitions", at(DISTRICT_HOST))
    assert (plain.status_code, plain.json_body["error"]["code"]) == (404, "not_offered")
    assert "instead" not in plain.json_body["error"]


def test_where_to_go_is_checked_with_the_rest_of_the_settings(deps):
    offered_yet_elsewhere = dict(newcastle(), services={}, instead={"repairs": ASPIRE})
    assert settings.problems(offered_yet_elsewhere) == [
        ("$.instead.repairs", "Names where to go instead of a service this council offers: switch it off "
                              "(services.repairs: false), or take this out.")]
    nowhere = dict(newcastle(), instead={"repairs": {"name": "Aspire Housing"}})
    assert settings.problems(nowhere) == [("$.instead.repairs", "Must give a phone number, a web address or both.")]
    unknown = dict(newcastle(), instead={"housing": ASPIRE, "repairs": dict(ASPIRE, website="http://aspire")})
    assert settings.problems(unknown) == [
        ("$.instead.housing", "Is not a setting a council has."),
        ("$.instead.repairs.website", "Must be an https address, like https://www.york.gov.uk.")]
    assert settings.problems(newcastle()) == []
    assert newcastle()["id"] == DISTRICT


def test_the_desk_menu_leaves_out_a_desk_whose_every_route_is_of_a_service_the_council_does_not_provide(
        client, deps):
    from support.councils_support import signed_in_at
    add(deps, york(), dict(newcastle(), services={"repairs": False, "petitions": False}))
    borough = client.get("/v1/staff/desks", at(DISTRICT_HOST, signed_in_at(deps, DISTRICT, "admin"))).json_body
    york_desks = client.get("/v1/staff/desks", at(YORK_HOST, signed_in_at(deps, "york", "admin"))).json_body
    ids = [d["id"] for d in borough["desks"]]
    assert "repairs" not in ids and "petitions" not in ids
    assert [d for d in york_desks["desks"] if d["id"] not in ("repairs", "petitions")] == borough["desks"]
    assert {"repairs", "petitions"} <= {d["id"] for d in york_desks["desks"]}
