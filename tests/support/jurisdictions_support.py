"""Two councils of one deployment as Open311 partners meet them: York and North
Lanarkshire, each with its own categories, its own council body over its own
area and its own partner key (tests/open311/test_open311_jurisdiction*.py)."""
import copy
import json

import pytest

from chalicelib import ids, tenancy
from support.councils_support import DEMO, add, north_lanarkshire, york
from support.open311_support import CREATED, read_json

NL = "north-lanarkshire"
YORK_KEY, NL_KEY = "york-partner-key", "north-lanarkshire-partner-key"
MOTHERWELL = (55.79, -3.99)  # lat, long: inside North Lanarkshire's square (councils_support)


def nl_services():
    """North Lanarkshire's categories: its own pothole (no questions asked) and grit bins; none of York's others."""
    pothole = next(s for s in json.loads((DEMO.parent / "services.json").read_text()) if s["service_code"] == "pothole")
    return [dict(copy.deepcopy(pothole), name="Road defect", fields=[]),
            {"service_code": "grit_bin", "name": "Grit bin empty", "group": "Roads and pavements",
             "description": "A grit bin that needs filling.", "keywords": ["grit", "salt"], "location": "required"}]


def issue_key(deps, key, name="fixmystreet"):
    from chalicelib.storage.staff.open311_keys import Open311KeyStore
    from chalicelib.storage.records import Open311Key
    Open311KeyStore().add(Open311Key(key_hash=ids.digest(key), name=name, created_at=deps.clock()))


@pytest.fixture
def councils(deps):
    """York (the deployment's default council) and North Lanarkshire, apart."""
    from chalicelib.storage.bodies.bodies import Body
    from chalicelib.storage.reports.services import ServiceStore
    nl = north_lanarkshire()
    store = add(deps, york(), nl)
    issue_key(deps, YORK_KEY)
    with tenancy.acting_for(NL):
        for order, service in enumerate(nl_services()):
            ServiceStore().put(service, sort=order)
        deps.bodies.save(Body(id="council", name=nl["name"], area={"kind": "council", "geometry": nl["area"]}),
                         new=True)
        issue_key(deps, NL_KEY)
    return store


def a_pothole(key, point, **more):
    return {"api_key": key, "service_code": "pothole", "lat": str(point[0]), "long": str(point[1]),
            "description": "A deep pothole.", "attribute[size]": "large", **more}


def created_id(response):
    assert response.status_code == 200, response.body
    return read_json(response, CREATED)[0]["service_request_id"]


def codes(services):
    return [s["service_code"] for s in services]
