"""Councils for tests: the demo's York and North Lanarkshire, each at its own address, and a
two-tier pair (a district inside its county) for reports at a boundary."""
import contextlib
import itertools
import json
from pathlib import Path

from chalicelib import tenancy
from chalicelib.councils import settings
from chalicelib.storage.councils import CouncilStore

DEMO = Path(__file__).resolve().parents[2] / "doorstep_cli" / "demo" / "councils"
YORK_HOST, NL_HOST = "york.localhost", "northlanarkshire.localhost"
DISTRICT_HOST, COUNTY_HOST = "newcastle.localhost", "staffordshire.localhost"
DISTRICT, COUNTY = "newcastle-under-lyme", "staffordshire-county"
# The A34 through Newcastle-under-Lyme, as the county's road (a line the county's body holds 15 m either side of).
A34 = [[-2.2250, 52.9600], [-2.2250, 53.0900]]
ON_THE_A34 = (53.0100, -2.22505)  # lat, lon: a pin 3 m off the road's line
OFF_THE_A34 = (53.0200, -2.3000)  # a district street, 5 km west
IN_THE_COUNTY_ONLY = (52.8000, -2.0000)  # Stafford way: the county's, no district of the deployment's
NOWHERE_SERVED = (51.5007, -0.1246)  # Westminster: no council of the deployment
NL = "north-lanarkshire"
PASSWORD = "a perfectly good passphrase 42"


def york():
    return json.loads((DEMO / "york.json").read_text())


def _square(w, s, e, n):
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}


def north_lanarkshire():
    """A second council, in Scotland, around Motherwell, Airdrie and Coatbridge, with no back offices
    (the demo's are `make run`'s local servers: a test names its own)."""
    document = json.loads((DEMO / "north-lanarkshire" / "council.json").read_text())
    document.pop("back_offices", None)
    return document


def district():
    """Newcastle-under-Lyme, a district inside its county: its own streets, the county's roads."""
    return {"id": DISTRICT, "name": "Newcastle-under-Lyme Borough Council", "short_name": "Newcastle-under-Lyme",
            "hosts": [DISTRICT_HOST], "jurisdiction": "england", "area": _square(-2.40, 52.92, -2.15, 53.12)}


def county():
    """Staffordshire County, around its district: the highways authority for both."""
    return {"id": COUNTY, "name": "Staffordshire County Council", "short_name": "Staffordshire",
            "hosts": [COUNTY_HOST], "jurisdiction": "england", "area": _square(-2.50, 52.40, -1.55, 53.25)}


def other_council(i):
    """A council added to the stage that is not the demo's (as `doorstep councils add` adds one)."""
    w = -4.0 + i * 0.2
    return {"id": f"other-{i:02d}", "name": f"Other Council {i}", "short_name": f"Other {i}",
            "hosts": [f"other-{i:02d}.localhost"], "jurisdiction": "england", "area": {"type": "Polygon",
            "coordinates": [[[w, 51.0], [w + 0.2, 51.0], [w + 0.2, 51.2], [w, 51.2], [w, 51.0]]]}}


def add(deps, *documents):
    store = CouncilStore()
    for document in documents:
        settings.write(store, document, 0, deps.clock(), "test")
    return store


def with_categories(*council_ids):
    """The demo's categories for these councils too (the tests' storage loads York's alone)."""
    from chalicelib.storage.reports.services import ServiceStore
    from doorstep_cli.seed import load_services
    for council in council_ids:
        with tenancy.acting_for(council):
            load_services(ServiceStore())


def at(host, headers=None):
    return {"Host": host, **(headers or {})}


def put(client, path, body, headers=None):
    """A PUT of `body` as JSON through the Chalice test client (its Api speaks GET and POST)."""
    return client.raw.http.request("PUT", path, body=json.dumps(body).encode(),
                                   headers={"Content-Type": "application/json", **(headers or {})})


def signed_in_at(deps, council, role="staff", email=None, **kwargs):
    """An Authorization header for a person signed in at `council`'s address (sessions are a council's)."""
    from chalicelib.handlers.accounts import auth, users
    from support.officers import every_role
    n = next(_people)
    with tenancy.acting_for(council):  # the grant is the council's, as its session
        user = users.create_user(deps.for_council(), email or f"{role}{n}@{council}.example.org", role,
                                 name=f"{role.title()} {n}", **every_role(role, kwargs))
        tokens = auth.start_session(deps.for_council(), user, deps.clock())
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def signed_in_again_at(deps, council, email):
    """A fresh session for `email` at `council` (a day later, the first one's access token has run out)."""
    from chalicelib.handlers.accounts import auth
    with tenancy.acting_for(council):
        user = deps.for_council().accounts.user_by_identity(f"email#{email}")
        tokens = auth.start_session(deps.for_council(), user, deps.clock())
    return {"Authorization": f"Bearer {tokens['access_token']}"}


_people = itertools.count(1)


def county_road(client, deps):
    """The district's body for the county's road (the A34, 15 m either side): potholes there
    go to the county's inbox. Added by the district's administrator through the API."""
    admin = signed_in_at(deps, DISTRICT, "admin")
    made = client.post("/v1/staff/bodies", {
        "id": "county-highways", "name": "Staffordshire County Council", "send_method": "council",
        "council": COUNTY, "categories": ["pothole"], "contact_text": "Staffordshire's roads.",
        "area": {"kind": "line", "within_m": 15, "geometry": {"type": "LineString", "coordinates": A34}}},
        at(DISTRICT_HOST, admin))
    assert made.status_code == 201, made.json_body
    return made.json_body


def two_tier_councils(client, deps):
    """York, and the district inside its county with the county's road: an officer of each of the pair."""
    add(deps, york(), district(), county())
    with_categories(DISTRICT, COUNTY)
    county_road(client, deps)
    return {"district": signed_in_at(deps, DISTRICT), "county": signed_in_at(deps, COUNTY)}


def reported(client, where, n, headers=None, host=DISTRICT_HOST):
    """A pothole reported at `where` (lat, lon) on a council's site (the district's): its view."""
    from conftest import pothole
    made = client.post("/v1/reports", pothole(lat=where[0], lon=where[1]), at(host, {
        "Idempotency-Key": f"c3d4e5f6-0000-4000-8000-{n:012d}", **(headers or {})}))
    assert made.status_code == 201, made.json_body
    return made.json_body


def remove(*council_ids):
    """Take these councils out of the deployment again (a test's stack outlives the test): their
    settings, addresses, extents and audit rows; the registry forgets what it kept of them."""
    from chalicelib.councils import registry
    from chalicelib.storage.councils import CouncilModel
    for council in council_ids:
        found = CouncilStore().get(council, consistent=True)
        rows = [CouncilModel("council", council), CouncilModel("extent", council)]
        rows += [CouncilModel("address", host) for host in (found[0].get("hosts") or [])] if found else []
        rows += list(CouncilModel.query(f"audit#{council}"))
        for row in rows:
            row.delete()
    registry.forget()


def signed_in(client, email, host):
    """(the sign-in's answer, its Authorization header) of `email` (PASSWORD) at `host`'s council."""
    answer = client.post("/v1/auth/login", {"email": email, "password": PASSWORD}, at(host))
    assert answer.status_code == 200, answer.json_body
    return answer.json_body, {"Authorization": f"Bearer {answer.json_body['access_token']}"}


@contextlib.contextmanager
def back_offices_at(deps, council_id, monkeypatch, offices, secrets=()):
    """Within it, the council's settings name `offices` (its `back_offices`) and the deployment holds
    `secrets` ({name: value}) for it: a test's own local servers, as its administrator would point
    the council at them. The settings are put back after."""
    from chalicelib.councils import registry
    from chalicelib.keystore import council_variable
    store = CouncilStore()
    before, version = store.get(council_id, consistent=True)
    for name, value in dict(secrets).items():
        monkeypatch.setenv(council_variable(council_id, name), value)
    now = settings.write(store, dict(before, back_offices=offices), version, deps.clock(), "test")
    registry.forget()
    try:
        yield
    finally:
        settings.write(store, before, now, deps.clock(), "test")
        registry.forget()


def demo_secrets_in(monkeypatch, tmp_path, *folders):
    """The demo councils' local back offices' logins, put where a test's own stage keeps a council's
    secrets (as `make run` puts them): their settings name them, and are refused without them. The
    stage is the test's alone, so no test finds them left by another (or misses them)."""
    from doorstep_cli.local.council_offices import put_demo_secrets
    monkeypatch.setenv("DOORSTEP_DATA_DIR", str(tmp_path / "data"))
    for folder in folders:
        put_demo_secrets(json.loads((folder / "council.json").read_text()))
