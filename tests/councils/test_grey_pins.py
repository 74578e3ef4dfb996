"""Other councils' reports on a council's map (issue 70, item 5): as FixMyStreet's
council sites show a two-tier area, another council's public pins are grey and
link to the report at its owner's address; a box only one council's area meets
reads that council's partitions alone, and Server-Timing says whose were read."""
from support.councils_support import (COUNTY, COUNTY_HOST, DISTRICT_HOST, OFF_THE_A34, ON_THE_A34, YORK_HOST, at,
                                      reported)

AROUND_BOTH = "bbox=-2.33,52.99,-2.20,53.04"  # the district's streets and the A34 through them
YORK_CENTRE = "bbox=-1.10,53.95,-1.07,53.97"


def _map(client, host, box=AROUND_BOTH):
    answer = client.get(f"/v1/reports?{box}", at(host))
    assert answer.status_code == 200, answer.json_body
    return answer


def test_the_districts_map_shows_the_countys_report_as_a_grey_pin_linked_to_its_owner(client, two_tier):
    county_held = reported(client, ON_THE_A34, 1)
    district_held = reported(client, OFF_THE_A34, 2)
    features = _map(client, DISTRICT_HOST).json_body["features"]
    pins = {f["id"]: f["properties"] for f in features}
    assert sorted(pins) == sorted([county_held["id"], district_held["id"]]) and len(features) == 2  # once each
    assert "held_by" not in pins[district_held["id"]]
    grey = pins[county_held["id"]]
    assert grey["held_by"] == {"council": COUNTY, "name": "Staffordshire County Council",
                               "url": f"http://{COUNTY_HOST}:8000/?report={county_held['id']}"}
    # its public fields only, as the district's own pins have them
    assert set(grey) - {"held_by"} == set(pins[district_held["id"]])
    # and the other way round on the county's map
    at_county = {f["id"]: f["properties"] for f in _map(client, COUNTY_HOST).json_body["features"]}
    assert "held_by" not in at_county[county_held["id"]]
    assert at_county[district_held["id"]]["held_by"]["council"] == "newcastle-under-lyme"


def test_a_box_only_one_councils_area_meets_reads_its_partitions_alone(client, two_tier):
    reported(client, ON_THE_A34, 3)
    alone = _map(client, YORK_HOST, YORK_CENTRE)
    assert 'councils;desc="york"' in alone.headers["Server-Timing"]
    both = _map(client, DISTRICT_HOST)
    assert 'councils;desc="newcastle-under-lyme staffordshire-county"' in both.headers["Server-Timing"]


def test_a_box_reads_no_more_with_other_councils_beside_it_than_alone(client, deps):
    """York's map costs what it did before other councils were added, whatever they hold."""
    from support.councils_support import add, county, district, york
    add(deps, york())
    before = _warm_map(client)
    add(deps, district(), county())
    after = _warm_map(client)
    assert _queries(after) == _queries(before)


def _warm_map(client):
    """A map's Server-Timing once the process keeps what every request reads (categories, councils)."""
    _map(client, YORK_HOST, YORK_CENTRE)
    return _map(client, YORK_HOST, YORK_CENTRE).headers["Server-Timing"]


def _queries(timing):
    import re
    return re.search(r"queries=(\d+)", timing).group(1)
