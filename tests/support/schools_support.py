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


NL_FOLDER = "doorstep_cli/demo/councils/north-lanarkshire"


def nl_schools(deps, nl=None):
    """York and North Lanarkshire (`nl`: its settings document, the demo's by default) apart, North
    Lanarkshire's demo schools and addresses loaded as its own."""
    from pathlib import Path
    from chalicelib import tenancy
    from doorstep_cli.addresses import import_file as import_addresses
    from doorstep_cli.schools import import_file
    from support.councils_support import NL, add, north_lanarkshire, york
    folder = Path(__file__).resolve().parents[2] / NL_FOLDER
    add(deps, york(), nl or north_lanarkshire())
    with tenancy.acting_for(NL):
        here = deps.for_council()
        written, problems = import_file(here, folder / "schools.json")
        assert problems == [] and written == 3
        import_addresses(here, folder / "addresses.csv", stream=open("/dev/null", "w"))


def nl_parent(deps, n=1):
    """A parent of North Lanarkshire's."""
    from chalicelib import tenancy
    from chalicelib.handlers.accounts import users
    from support.councils_support import NL
    with tenancy.acting_for(NL):
        return users.create_user(deps.for_council(), f"parent{n}@nl.example.org", "resident", name=f"Parent {n}")


def nl_session(deps, user):
    """Headers of a session started now (the clock travels months: an older one has lapsed), at North
    Lanarkshire's address."""
    from chalicelib import tenancy
    from chalicelib.handlers.accounts import auth
    from support.councils_support import NL, NL_HOST, at
    with tenancy.acting_for(NL):
        tokens = auth.start_session(deps.for_council(), user, deps.clock())
    return at(NL_HOST, {"Authorization": f"Bearer {tokens['access_token']}"})
