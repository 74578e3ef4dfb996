"""Told, through the alerts' follows and fan-out, from events: a ward's
followers when a consultation opens and a few days before it closes (not
those who have responded), and respondents when the results are published."""
from datetime import datetime, timedelta, timezone

from conftest import store_addresses
from support.alert_support import FakeDeliver
from support.consultation_support import DURING, LAST_SECOND, MIDNIGHT, OPENS, YES, at, demo, loaded, officer, \
    respond, resident

LONG_AGO = datetime(2026, 1, 1, tzinfo=timezone.utc)  # when the follows were made


def _follower(alert_id, key, email, user_id=None):
    from chalicelib.storage.alerts.alerts import AlertIndexModel, AlertModel
    AlertModel(alert_id, kind="ward", user_id=user_id, channels={"email": email}, target={"ward": key.split("#")[-1]},
               index_keys=[key], created_at=LONG_AGO).save()
    AlertIndexModel(key, alert_id).save()


def _tell(deps, moment):
    """Run the quarter-hour job at `moment`, then the fan-out of each event it wrote."""
    import chalicelib.handlers.consultations.routes  # noqa: F401 (registers the audiences, as app.py does)
    from chalicelib.handlers.consultations.notices import every_quarter
    done = every_quarter(at(deps, moment))
    return done, _fan_out(deps)


_DONE = set()


def _fan_out(deps):
    import chalicelib.handlers.consultations.routes  # noqa: F401
    from chalicelib.handlers.alerts.worker import dispatch_event
    from chalicelib.storage.binding import record_of
    from chalicelib.storage.records import Event
    from chalicelib.storage.reports.reports import EventModel
    deliver = FakeDeliver()
    for model in EventModel.scan():  # tests only: the events this test wrote
        if model.kind.startswith("consultation_") and model.id not in _DONE:
            _DONE.add(model.id)
            dispatch_event(deps, record_of(Event, model), deliver, sleep=lambda s: None)
    return deliver


def test_a_wards_followers_are_told_once_when_it_opens(deps):
    loaded(deps, moment=OPENS - timedelta(days=10))
    _follower("al-mick", "ward#w-micklegate", "mick@example.org")
    _follower("al-bish", "ward#w-bishopthorpe", "bish@example.org")
    done, told = _tell(deps, OPENS - timedelta(minutes=1))
    assert done["opened"] == 0 and told.calls == []
    done, told = _tell(deps, OPENS + timedelta(minutes=10))
    assert done["opened"] == 1 and told.to("email") == ["mick@example.org"]
    message = told.calls[0][2]
    assert message["title"] == "New consultation: Residents' parking on Micklegate"
    assert "It closes at 11:59:59pm on Sunday 14 June 2026." in message["body"]
    done, told = _tell(deps, OPENS + timedelta(minutes=25))
    assert done["opened"] == 0 and told.calls == []  # once


def test_a_whole_council_consultation_reaches_every_wards_followers(deps):
    loaded(deps, demo(areas="council"), moment=OPENS - timedelta(days=10))
    _follower("al-mick", "ward#w-micklegate", "mick@example.org")
    _follower("al-bish", "ward#w-bishopthorpe", "bish@example.org")
    _, told = _tell(deps, OPENS + timedelta(minutes=10))
    assert sorted(told.to("email")) == ["bish@example.org", "mick@example.org"]


def test_followers_who_have_not_responded_are_told_a_few_days_before_it_closes(deps):
    store_addresses(deps)
    loaded(deps, moment=OPENS - timedelta(days=10))
    _tell(deps, OPENS + timedelta(minutes=10))
    _follower("al-ada", "ward#w-micklegate", "ada@example.org", user_id="resident-1")
    _follower("al-bob", "ward#w-micklegate", "bob@example.org", user_id="resident-2")
    respond(deps, DURING, principal=resident("resident-1"))
    done, told = _tell(deps, LAST_SECOND - timedelta(days=4))
    assert done["closing"] == 0
    done, told = _tell(deps, LAST_SECOND - timedelta(days=2, hours=23))
    assert done["closing"] == 1 and told.to("email") == ["bob@example.org"]
    assert told.calls[0][2]["title"] == "Closing soon: Residents' parking on Micklegate"


def test_respondents_are_told_when_the_results_are_published(deps, people):
    from chalicelib.handlers.consultations.results import publish
    store_addresses(deps)
    loaded(deps)
    ada = people(email="ada.signed@example.org")  # made verified
    respond(deps, DURING, principal=resident(ada.user.id, "ada.signed@example.org"))
    respond(deps, DURING, answers={**YES, "email": "anon@example.org"}, postcode=None)
    respond(deps, DURING, answers={**YES, "comments": "no address given"}, postcode=None, client="192.0.2.1")
    publish(at(deps, MIDNIGHT + timedelta(days=20), officer()), "micklegate-parking",
            {"summary": "s", "you_said": "y", "we_did": "The zone runs on weekdays only."}, '"1"')
    told = _fan_out(deps)
    assert sorted(told.to("email")) == ["ada.signed@example.org", "anon@example.org"]
    assert told.calls[0][2]["notice"]["subject"] == "We asked, you said, we did: Residents' parking on Micklegate"
    assert told.calls[0][2]["url"].endswith("/consultations/micklegate-parking/results")


def _meetings_follower(alert_id, ward_id, ward_name, email):
    from chalicelib.handlers.alerts.targets import meeting_key
    from chalicelib.storage.alerts.alerts import AlertIndexModel, AlertModel
    key = meeting_key("ward", ward_name)
    AlertModel(alert_id, kind="meetings", channels={"email": email}, target={"ward": ward_id, "ward_name": ward_name},
               index_keys=[key], created_at=LONG_AGO).save()
    AlertIndexModel(key, alert_id).save()


def test_a_resident_who_follows_a_wards_meetings_is_told_when_a_consultation_opens_there_once(deps):
    loaded(deps, moment=OPENS - timedelta(days=10))  # Micklegate
    _meetings_follower("al-meet", "w-micklegate", "Micklegate", "meet@example.org")
    _meetings_follower("al-other", "w-bishopthorpe", "Bishopthorpe", "other@example.org")
    # one resident who follows the ward both ways, on one address: told once
    _follower("al-both-ward", "ward#w-micklegate", "both@example.org")
    _meetings_follower("al-both-meet", "w-micklegate", "Micklegate", "both@example.org")
    done, told = _tell(deps, OPENS + timedelta(minutes=10))
    assert done["opened"] == 1
    assert sorted(told.to("email")) == ["both@example.org", "meet@example.org"]
    assert {c[2]["title"] for c in told.calls} == {"New consultation: Residents' parking on Micklegate"}


def test_a_follow_of_a_wards_meetings_says_it_brings_the_wards_consultations_too(deps):
    from chalicelib.handlers.alerts.subscriptions import describe
    from chalicelib.storage.alerts.alerts import AlertModel
    from chalicelib.storage.binding import record_of
    from chalicelib.storage.records import Alert
    _meetings_follower("al-meet", "w-micklegate", "Micklegate", "meet@example.org")
    follow = record_of(Alert, AlertModel.get("al-meet"))
    assert describe(follow) == "council meetings' items: Micklegate ward, and consultations there"
