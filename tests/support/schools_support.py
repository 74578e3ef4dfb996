"""School places in tests: York's demo schools (doorstep_cli/demo/schools.json) and homes near them,
and a parent's application made through the API."""
from conftest import store_addresses

MICKLEGATE, MICKLEGATE_2, BISHOPTHORPE = "990000000101", "990000000102", "990000000201"


def york_schools(deps):
    from doorstep_cli.schools import DEMO, import_file
    written, problems = import_file(deps, DEMO)
    assert problems == [] and written == 6
    store_addresses(deps)


def apply(client, person, body=None, key="apply-one", **changes):
    base = {"round": "2027-primary", "child": {"name": "Ada Hartley", "date_of_birth": "2022-11-03"},
            "home_uprn": MICKLEGATE, "preferences": [{"school_id": "minster-view-primary"},
                                                     {"school_id": "ouse-bank-primary"},
                                                     {"school_id": "bootham-primary"}]}
    return client.post("/v1/me/school-applications", {**base, **(body or {}), **changes},
                       {**person.auth, "Idempotency-Key": key})


def school(school_id, places, lon, lat, criteria=("looked_after", "sibling", "distance"), area=None):
    return {"id": school_id, "name": school_id.title(), "phase": "primary", "lat": lat, "lon": lon,
            "places": {"reception": places}, "criteria": list(criteria), "area": area}


def application(app_id, lon, lat, *school_ids, **more):
    return {"id": app_id, "user_id": f"u-{app_id}", "home": {"lon": lon, "lat": lat},
            "preferences": [{"rank": n, "school_id": s} for n, s in enumerate(school_ids, 1)], **more}
