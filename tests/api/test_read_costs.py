"""Reads cost about what they return, whatever else the table holds: a
category filter reads that category's own items (the map and Open311), and
the list of facility types is one item."""
import re
from dataclasses import replace

import pytest

from conftest import pothole

KINDS = {"pothole": {"size": "large"}, "graffiti": {"offensive": "no", "surface": "wall"},
         "litter": {"broken_glass": "no"}}


@pytest.fixture
def busy_street(deps):
    """90 reports on one street, 30 per category, every third of them fixed. Made once per backend (a
    quarter of a minute on DynamoDB Local): both its tests only read it, so its tables are put back."""
    from chalicelib.handlers.reports.changes import change_state
    from chalicelib.handlers.reports.create import create_report
    from support.kept_tables import kept

    def make():
        made = []
        for n in range(90):
            code = list(KINDS)[n % 3]
            body = pothole(service_code=code, fields=KINDS[code], lat=53.9600 + (n % 30) * 0.00003, lon=-1.0800)
            report = create_report(deps, body)[0]
            if n % 9 < 3:
                change_state(deps, report["id"], "fixed", "Done.")
            made.append((code, report["id"], n % 9 >= 3))
        return made
    made = kept("busy_street", make)
    deps.services.by_code()  # the categories read into the process's cache, as making the street leaves them
    return made


def test_an_open311_listing_by_category_and_status_reads_about_what_it_returns(deps, busy_street):
    from chalicelib.handlers.open311.requests import list_requests
    from chalicelib.storage.metering import metered
    wanted = {rid for code, rid, still_open in busy_street if code == "graffiti" and still_open}
    with metered() as meter:
        listed = list_requests(deps, {"service_code": "graffiti", "status": "open"})
    assert {r["service_request_id"] for r in listed} == wanted and len(wanted) == 20
    assert meter.items <= len(wanted) + 2  # was every report of the window: 90
    with metered() as meter:
        closed = list_requests(deps, {"status": "closed"})
    assert len(closed) == 30 and meter.items <= 30 + 3


def test_the_maps_category_filter_reads_that_categorys_pins(client, deps, busy_street):
    response = client.get("/v1/reports?bbox=-1.081,53.959,-1.079,53.962&service_code=litter,graffiti")
    features = response.json_body["features"]
    assert {f["properties"]["service_code"] for f in features} == {"litter", "graffiti"} and len(features) == 40
    timing = response.headers["Server-Timing"]
    items = int(re.search(r"items=(\d+)", timing).group(1))
    assert items <= len(features) + 4, timing  # was every open pin in the cover: 60


def test_listing_facility_types_reads_one_item_and_follows_imports_and_deletes(client, deps):
    from chalicelib.storage.places.facilities import facility
    from chalicelib.storage.metering import metered
    deps.facilities.put_many([facility(f"lib-{n}", "library", f"Library {n}", -1.08, 53.96 + n / 1000)
                              for n in range(3)] + [facility("tip-1", "recycling_centre", "Tip", -1.1, 53.95)])
    assert client.get("/v1/facility-types").json_body["facility_types"] == [
        {"type": "library", "count": 3}, {"type": "recycling_centre", "count": 1}]
    from chalicelib.handlers.places.facilities import facility_types
    with metered() as meter:
        facility_types(replace(deps))
    assert (meter.operations, meter.items) == (["GetItem"], 1)
    deps.facilities.delete_many(["tip-1"])
    deps.facilities.put_many([facility("pool-1", "swimming_pool", "Pool", -1.09, 53.96)])
    answer = client.get("/v1/facility-types")
    assert answer.json_body["facility_types"] == [
        {"type": "library", "count": 3}, {"type": "swimming_pool", "count": 1}]
    assert "max-age" in answer.headers["Cache-Control"]


def test_the_category_list_is_one_query_never_a_scan(deps):
    from chalicelib.storage.metering import metered
    from chalicelib.storage.reports.services import clear_cache
    clear_cache()  # a process's first request
    with metered() as meter:
        services = deps.services.all()
    assert meter.operations == ["Query"] and meter.items == len(services) > 10
    assert [s["service_code"] for s in services][:3] == [s["service_code"] for s in deps.services.all()][:3]


def test_tables_gives_categories_stored_before_the_catalogue_index_its_key(deps):
    from chalicelib.storage.metering import metered
    from chalicelib.storage.reports.services import ServiceModel, clear_cache
    codes = {s["service_code"] for s in deps.services.all()}
    for row in ServiceModel.scan():  # as a stage from before the index stored them
        row.update(actions=[ServiceModel.catalogue.remove()])
    clear_cache()
    with metered() as meter:
        assert deps.services.all() == []  # none listed until `doorstep tables` (never a Scan of every council's)
    assert meter.operations == ["Query"]
    assert deps.services.add_missing_keys() == len(codes)
    clear_cache()
    with metered() as meter:
        assert {s["service_code"] for s in deps.services.all()} == codes
    assert meter.operations == ["Query"]
