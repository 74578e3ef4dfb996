"""Free school transport is offered only beyond the statutory walking distance (England: 2 miles,
3,218.688 m, under 8; 3 miles from 8), measured on the ellipsoid: a home just past 2 miles due north
of a York school is 3 m short of it on haversine's sphere, and a naive check would refuse it."""
from datetime import date
from types import SimpleNamespace

import pytest

from chalicelib.geo.distance import haversine_m
from chalicelib.handlers.schools.rules import transport_offer

SCHOOL = {"lon": -1.0900, "lat": 53.9575}
ENGLAND = SimpleNamespace(jurisdiction="england", document={})


def north_of(school, metres):
    """A point due north of the school `metres` away on the ellipsoid (bisected)."""
    from chalicelib.geo.distance import geodesic_m
    low, high = 0.0, 0.1
    for _ in range(60):
        mid = (low + high) / 2
        if geodesic_m(school["lon"], school["lat"], school["lon"], school["lat"] + mid) < metres:
            low = mid
        else:
            high = mid
    return {"lon": school["lon"], "lat": school["lat"] + high}


def test_a_home_just_past_two_miles_is_eligible_though_the_sphere_puts_it_inside():
    home = north_of(SCHOOL, 3219.5)
    assert haversine_m(SCHOOL["lon"], SCHOOL["lat"], home["lon"], home["lat"]) < 3218.688  # the naive reading
    offer = transport_offer(ENGLAND, SCHOOL, home, 4, date(2027, 9, 1))
    assert offer["eligible"] is True and offer["distance_m"] == 3220 and offer["walking_m"] == 3218.688
    assert "s.444(5)" in offer["source"]


@pytest.mark.parametrize("metres, age, eligible", [
    (3218.0, 4, False),  # within 2 miles, a reception child: walks
    (3219.5, 7, True),  # past 2 miles, under 8
    (3219.5, 8, False),  # the same home at 8: within 3 miles
    (4829.0, 11, True),  # past 3 miles
])
def test_the_walking_distance_is_two_miles_under_eight_and_three_from_eight(metres, age, eligible):
    offer = transport_offer(ENGLAND, SCHOOL, north_of(SCHOOL, metres), age, date(2027, 9, 1))
    assert offer["eligible"] is eligible
