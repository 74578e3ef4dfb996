"""Missed-bin reporting knows a container ordered for the property from the
first collection after the crew delivered it, not before: one delivered on a
collection's own day may have come after the crew, so that collection does
not count it; the next one does."""
import dataclasses
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from chalicelib.auth.principal import Principal
from chalicelib.errors import ApiError
from chalicelib.handlers.containers import routes  # noqa: F401  (registers the effects)
from support.bins_support import HOME
from support.containers_support import stocked_home

LONDON = ZoneInfo("Europe/London")
ORDERED = date(2027, 3, 1)  # a Monday; with 2 days' lead, the Wednesday recycling round of 3 March delivers
DELIVERED = date(2027, 3, 3)  # a Wednesday: a recycling collection day, and the crew's delivery day


def at(deps, day, hour=12):
    who = Principal(user_id="resident-missed", role="resident", email="missed@example.org")
    moment = datetime.combine(day, time(hour), LONDON)
    return dataclasses.replace(deps, clock=lambda: moment, principal=who)


def delivered_box(deps):
    from chalicelib.handlers.containers.requesting import create
    stocked_home(deps)
    made, _ = create(at(deps, ORDERED), {"uprn": HOME, "container": "recycling-box", "reason": "damaged_by_crew"},
                     "missed-after-delivery")
    assert made["delivery_date"] == DELIVERED.isoformat()
    request = deps.containers.get(made["id"])
    # The crew ended the job done on the round's day (crews' effect: delivery.on_job_ended records its day).
    assert deps.containers.ended(request, "delivered", None, at(deps, DELIVERED, 15).clock(),
                                 delivered_on=DELIVERED.isoformat())
    return made


def recycling(deps, day):
    from chalicelib.handlers.waste.missed import offered
    return next(c for c in offered(at(deps, day), HOME)["containers"] if c["stream"] == "recycling")


def report(deps, day, container):
    from chalicelib.handlers.waste.missed import report as report_missed
    try:
        return report_missed(at(deps, day), HOME, {"stream": "recycling", "container": container})[0]
    except ApiError as e:
        return e


def test_the_collection_on_the_delivery_day_does_not_know_the_new_box_and_the_next_one_does(deps):
    delivered_box(deps)
    thursday = DELIVERED + timedelta(days=1)
    same_day = recycling(deps, thursday)
    assert same_day["collection_date"] == DELIVERED.isoformat() and same_day["ordered"] == []
    refused = report(deps, thursday, "recycling-box")
    assert refused.status == 422 and refused.code == "not_reportable"
    assert refused.fields == [{"field": "container", "message": "Choose a container delivered before that collection"}]

    next_thursday = thursday + timedelta(days=7)
    after = recycling(deps, next_thursday)
    assert after["collection_date"] == (DELIVERED + timedelta(days=7)).isoformat()
    assert after["ordered"] == [{"container": "recycling-box", "name": "Green recycling box (55 litres)",
                                 "delivered_on": DELIVERED.isoformat()}]
    made = report(deps, next_thursday, "recycling-box")
    assert made["container"] == "recycling-box"
    stored = deps.reports.get(made["report_id"])
    assert "Green recycling box (55 litres), delivered Wednesday 3 March 2027" in stored.description


def test_a_container_not_yet_delivered_or_of_another_stream_is_not_known_to_missed_bins(deps):
    from chalicelib.handlers.containers.requesting import create
    stocked_home(deps)
    create(at(deps, ORDERED), {"uprn": HOME, "container": "recycling-box", "reason": "damaged_by_crew"}, "not-delivered-yet")
    later = DELIVERED + timedelta(days=8)  # the crew has not ended the job: not delivered
    assert recycling(deps, later)["ordered"] == []
    assert report(deps, later, "recycling-box").code == "not_reportable"
    assert report(deps, later, "refuse-bin").code == "not_reportable"


def test_anyone_not_signed_in_is_not_shown_what_a_property_ordered(deps):
    from chalicelib.handlers.waste.missed import offered
    delivered_box(deps)
    passer_by = dataclasses.replace(at(deps, DELIVERED + timedelta(days=8)), principal=None)
    listed = next(c for c in offered(passer_by, HOME)["containers"] if c["stream"] == "recycling")
    assert listed["ordered"] == []
