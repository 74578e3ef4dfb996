"""Routing: a report goes to the body that acts on its category at its point."""
import json

import pytest

from support.staff_support import officer, staff_data  # noqa: F401  (fixtures)

OUTER = (53.9900, -1.1200)  # lat, lon: York, outside the city centre
CENTRE = (53.9600, -1.0820)  # inside the city centre
ON_THE_ROAD = (53.9250, -1.0600)  # on the demo trunk road's line
JUST_INSIDE = (53.9216249, -1.0800630)  # 14.5 m from it
JUST_PAST = (53.9216335, -1.0800674)  # 15.5 m from it
FIELDS = {"pothole": {"size": "large"}, "graffiti": {"offensive": "no"}}


@pytest.fixture
def bodies(deps):
    from doorstep_cli.demo_bodies import load_demo_bodies
    load_demo_bodies(deps, county_endpoint="http://127.0.0.1:9/open311/v2", county_key="k")
    return deps


def report(client, point, code="pothole", **extra):
    body = {"service_code": code, "lat": point[0], "lon": point[1], "description": "Deep hole.",
            "fields": FIELDS.get(code, {}), **extra}
    return client.post("/v1/reports", body)


def sent_to(answer):
    return [(s["body"], s["state"]) for s in answer.json_body["sent_to"]]


def test_without_bodies_every_report_goes_to_the_councils_own_inbox_at_once(client):
    made = report(client, OUTER)
    assert made.status_code == 201, made.body
    assert sent_to(made) == [("City of York", "sent")]  # the council's name from its boundary file
    assert made.json_body["sent_to"][0]["summary"].startswith("Sent to ")


def test_a_pothole_outside_the_centre_goes_to_the_county_and_one_inside_stays_with_the_council(client, bodies):
    county = report(client, OUTER)
    assert county.status_code == 201, county.body
    assert sent_to(county) == [("North Yorkshire Council (highways)", "waiting")]
    assert county.json_body["sent_to"][0]["summary"] == "Waiting to be sent to North Yorkshire Council (highways)"
    council = report(client, CENTRE)
    assert sent_to(council) == [("City of York Council", "sent")]
    graffiti = report(client, OUTER, code="graffiti")
    assert sent_to(graffiti) == [("City of York Council", "sent")]


def test_a_pothole_within_15_m_of_the_trunk_road_goes_to_the_national_roads_body_and_past_it_does_not(
        client, bodies):
    from chalicelib.geo.distance import haversine_m
    from chalicelib.geo.overlap import line_distance_m
    from doorstep_cli.demo_bodies import TRUNK_ROAD
    road = {"type": "LineString", "coordinates": TRUNK_ROAD}
    # The rule is 15 m: one point just inside it and one just past it, north of the
    # middle of one stretch (-1.08, 53.9215), so a wider or narrower rule fails.
    for (lat, lon), metres in ((JUST_INSIDE, 14.5), (JUST_PAST, 15.5)):
        assert abs(line_distance_m(road, lon, lat) - metres) < 0.01
        assert abs(haversine_m(lon, lat, -1.08, 53.9215) - metres) < 0.1  # measured another way
    assert sent_to(report(client, ON_THE_ROAD)) == [("National Highways", "waiting")]
    assert sent_to(report(client, JUST_INSIDE)) == [("National Highways", "waiting")]
    assert sent_to(report(client, JUST_PAST)) == [("North Yorkshire Council (highways)", "waiting")]


def test_the_categories_on_offer_at_a_point_say_who_each_goes_to(client, bodies):
    listed = client.get(f"/v1/services?lat={OUTER[0]}&lon={OUTER[1]}")
    assert listed.status_code == 200, listed.body
    by_code = {s["service_code"]: s for s in listed.json_body["services"]}
    assert by_code["pothole"]["sent_to_text"] == "This will be sent to North Yorkshire Council (highways)"
    assert by_code["graffiti"]["bodies"] == [{"id": "council", "name": "City of York Council"}]
    assert client.get("/v1/services?lat=51.5&lon=-0.12").status_code == 422
    assert client.get(f"/v1/services?lat={OUTER[0]}").status_code == 422
    assert client.get(f"/v1/services?lat=north&lon=1").status_code == 400
    assert "bodies" not in client.get("/v1/services").json_body["services"][0]


def test_a_category_nobody_takes_at_a_point_is_refused_naming_who_to_contact(client, deps, officer):
    from chalicelib.storage.bodies.bodies import Body
    deps.bodies.save(Body(id="council", name="City of York Council",
                          area={"kind": "council", "geometry": deps.area.geometry}, categories=["graffiti"],
                          contact_text="Call 01904 551550."), new=True)
    refused = report(client, OUTER)
    assert refused.status_code == 422, refused.body
    assert refused.json_body["error"]["code"] == "category_not_taken_here"
    assert "01904 551550" in refused.json_body["error"]["message"]
    assert report(client, OUTER, code="graffiti").status_code == 201
    listed = client.get(f"/v1/services?lat={OUTER[0]}&lon={OUTER[1]}").json_body["services"]
    assert [s["service_code"] for s in listed] == ["graffiti"]


def test_a_report_outside_every_bodys_area_gets_a_clear_422(client, bodies):
    refused = report(client, (51.5007, -0.1246))
    assert refused.status_code == 422 and refused.json_body["error"]["code"] == "outside_service_area"


def test_an_administrator_adds_changes_and_retires_a_body_with_its_version(client, officer, deps):
    new = {"id": "parish", "name": "Heslington Parish", "categories": ["litter"], "contact_text": "The clerk.",
           "area": {"kind": "polygons", "geometry": {"type": "Polygon", "coordinates": [[
               [-1.06, 53.94], [-1.03, 53.94], [-1.03, 53.95], [-1.06, 53.95], [-1.06, 53.94]]]}},
           "send_method": "email", "email": "clerk@parish.example", "api_key": "secret"}
    made = officer.post("/v1/staff/bodies", new)
    assert made.status_code == 201, made.body
    assert made.headers["ETag"] == '"1"' and made.json_body["precedence"] == 1
    assert "api_key" not in made.json_body and made.json_body["has_api_key"] is True
    assert officer.post("/v1/staff/bodies", new).status_code == 409
    litter = report(client, (53.945, -1.045), code="litter")
    assert sent_to(litter) == [("Heslington Parish", "waiting")]

    def send(method, path, body, etag=None):
        headers = {"Content-Type": "application/json", **officer.person.auth, **({"If-Match": etag} if etag else {})}
        return client.raw.http.request(method, path, body=json.dumps(body), headers=headers)
    assert send("PATCH", "/v1/staff/bodies/parish", {"name": "Heslington"}).status_code == 428
    changed = send("PATCH", "/v1/staff/bodies/parish", {"name": "Heslington Parish Council"}, '"1"')
    assert changed.status_code == 200 and changed.json_body["version"] == 2
    assert send("PATCH", "/v1/staff/bodies/parish", {"name": "Stale"}, '"1"').status_code == 409
    retired = send("POST", "/v1/staff/bodies/parish/retire", {}, '"2"')
    assert retired.status_code == 200 and retired.json_body["retired"] is True
    assert sent_to(report(client, (53.945, -1.045), code="litter")) == [("City of York", "sent")]
    listed = officer.get("/v1/staff/bodies").json_body["bodies"]
    assert [b["id"] for b in listed] == ["parish"]


def test_a_body_is_refused_with_every_problem_named(officer):
    bad = officer.post("/v1/staff/bodies", {"id": "X", "name": "", "area": {"kind": "line", "within_m": 0,
                                                                         "geometry": {"type": "Point"}},
                                            "categories": ["nope"], "send_method": "open311", "colour": "red"})
    assert bad.status_code == 400
    fields = {f["field"] for f in bad.json_body["error"]["fields"]}
    assert {"id", "name", "area.within_m", "area.geometry", "categories", "colour", "contact_text"} <= fields


def test_residents_and_crews_cannot_manage_bodies(client, people):
    resident = people("resident")
    assert client.get("/v1/staff/bodies", resident.auth).status_code == 403
    assert client.get("/v1/staff/bodies").status_code == 401


def test_routing_reads_the_points_cell_and_its_bodies_whatever_how_many_bodies_exist(deps, bodies):
    from chalicelib.handlers.bodies.routing import route
    from chalicelib.storage import metering
    from chalicelib.storage.bodies.bodies import Body
    square = lambda x, y: {"type": "Polygon", "coordinates": [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01],
                                                               [x, y + 0.01], [x, y]]]}
    for i in range(60):  # parishes all over the country
        deps.bodies.save(Body(id=f"parish-{i}", name=f"Parish {i}", area={"kind": "polygons",
                                                                          "geometry": square(-3 + i * 0.05, 52.0)},
                              categories=["litter"], precedence=1, contact_text="x"), new=True)
    service = deps.services.get("pothole")
    with metering.metered() as counted:
        chosen = route(deps, service, OUTER[1], OUTER[0])
    assert [b.id for b in chosen] == ["north-yorkshire"]
    # The point's cell holds the three demo bodies' rows; the 60 parishes cost nothing.
    assert counted.operations == ["Query", "BatchGetItem"] and counted.items <= 6, counted.items


def test_staff_moving_the_pin_into_the_centre_sends_it_to_the_council_instead_with_an_audit_entry(client, bodies,
                                                                                                  officer):
    made = report(client, OUTER)
    rid = made.json_body["id"]
    current = officer.get(f"/v1/staff/reports/{rid}")
    moved = client.raw.http.request("PATCH", f"/v1/staff/reports/{rid}", body=json.dumps(
        {"lat": CENTRE[0], "lon": CENTRE[1]}), headers={"Content-Type": "application/json", **officer.person.auth,
                                                       "If-Match": current.headers["ETag"]})
    assert moved.status_code == 200, moved.body
    assert [(s["body_id"], s["state"]) for s in moved.json_body["sends"]] == [
        ("council", "sent"), ("north-yorkshire", "withdrawn")]
    assert sent_to(client.get(f"/v1/reports/{rid}")) == [("City of York Council", "sent")]
    audit = officer.audit(rid)[-1]["changes"]["sent_to"]
    assert audit == {"before": ["north-yorkshire"], "after": ["council"]}
    # Off every body's map: refused, nothing changed.
    again = client.raw.http.request("PATCH", f"/v1/staff/reports/{rid}", body=json.dumps(
        {"lat": 51.5007, "lon": -0.1246}), headers={"Content-Type": "application/json", **officer.person.auth,
                                                   "If-Match": moved.headers["ETag"]})
    assert again.status_code == 422 and again.json_body["error"]["code"] == "outside_service_area"


def test_bodies_are_made_listed_shown_changed_and_retired_with_the_cli(doorstep, capsys, tmp_path):
    body = tmp_path / "roads.json"
    body.write_text(json.dumps({"id": "roads", "name": "National Highways", "categories": ["pothole"],
                                "contact_text": "0300 123 5000", "send_method": "email",
                                "email": "roads@highways.example", "area": {
                                    "kind": "line", "within_m": 15, "geometry": {
                                        "type": "LineString", "coordinates": [[-1.15, 53.91], [-1.06, 53.925]]}}}))
    assert doorstep("bodies", "create", "--file", str(body)) == 0
    assert doorstep("bodies", "create", "--file", str(body)) == 1  # the id is taken
    change = tmp_path / "change.json"
    change.write_text(json.dumps({"send_method": "open311"}))  # without an endpoint
    assert doorstep("bodies", "update", "--id", "roads", "--file", str(change)) == 1
    assert "endpoint" in capsys.readouterr().err
    assert doorstep("bodies", "retire", "--id", "roads") == 0
    capsys.readouterr()
    assert doorstep("bodies", "list") == 0
    assert capsys.readouterr().out.splitlines() == ["roads\tNational Highways\temail\tline\tpothole\tretired"]
    assert doorstep("bodies", "show", "--id", "roads") == 0
    assert json.loads(capsys.readouterr().out)["retired"] is True
