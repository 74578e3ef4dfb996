"""Area alerts that include updates (FixMyStreet's 766): an area subscriber
who asked is told when a report in the area changes status or gets a public
update, once however many of their alerts match; one who did not ask, or
whose area is elsewhere, is not."""
import pytest

from conftest import pothole
from support.alert_support import FAR_AWAY, FakeDeliver, area, events_of, push_alert


def dispatch(deps, event, deliver):
    from chalicelib.handlers.alerts.worker import dispatch_event
    return dispatch_event(deps, event, deliver, sleep=lambda s: None)


@pytest.fixture
def subscribe(client):
    def make(body):
        made = client.post("/v1/alerts", body)
        assert made.status_code == 201, made.body
        return made.json_body
    return make


def test_an_area_subscriber_who_opted_in_hears_of_updates_and_one_who_did_not_does_not(client, deps, subscribe):
    from chalicelib.handlers.reports.changes import change_state
    opted = subscribe(push_alert(1, **area(400), include_updates=True))
    assert opted["include_updates"] is True
    subscribe(push_alert(2, **area(400)))  # new reports only
    subscribe(push_alert(3, **area(800, FAR_AWAY), include_updates=True))  # elsewhere
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    subscribe(push_alert(1, kind="report", report_id=rid))  # the same phone follows the report too
    fake = FakeDeliver()
    dispatch(deps, events_of(rid)[0], fake)
    assert sorted(fake.to("push")) == ["https://push.example.net/send/device-1",
                                       "https://push.example.net/send/device-2"]  # new: both neighbours, once each

    change_state(deps, rid, "action_scheduled", text="Booked for Tuesday.")
    fake = FakeDeliver()
    outcomes = dispatch(deps, events_of(rid)[-1], fake)
    assert outcomes["sent"] == 1 and outcomes.get("already", 0) <= 1  # two matching alerts, one phone: once
    assert fake.to("push") == ["https://push.example.net/send/device-1"]
    _, _, message = fake.calls[0]
    assert message["report_id"] == rid and "Booked for Tuesday." in message["body"]
    assert "Ada" not in str(message) and "ada@example.org" not in str(message)


def test_a_report_made_private_tells_no_area_subscriber_of_its_updates(client, deps, subscribe):
    from chalicelib.handlers.alerts.dispatch import matching_alerts
    subscribe(push_alert(1, **area(400), include_updates=True))
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    report = deps.reports.get(rid)
    assert len(matching_alerts(deps, "report_state_changed", report)) == 1
    assert matching_alerts(deps, "questionnaire_answered", report) == []  # not an update the public reads
    report.private = True
    assert matching_alerts(deps, "report_state_changed", report) == []


def test_the_option_is_checked_and_the_widest_area_with_updates_fits_one_write(client, subscribe):
    from chalicelib.handlers.alerts.targets import MATCH_PRECISIONS, event_keys
    from chalicelib.storage.records import Report
    wide = subscribe(push_alert(1, **area(5000), include_updates=True))  # its rows: at most 96, plus the alert
    listed = client.get(f"/v1/alerts?token={wide['management_token']}").json_body["alerts"]
    assert [a["include_updates"] for a in listed] == [True]
    ward = client.post("/v1/alerts", push_alert(2, kind="ward", ward="guildhall", include_updates=True))
    assert ward.status_code == 422 and ward.json_body["error"]["fields"][0]["field"] == "include_updates"
    assert client.post("/v1/alerts", push_alert(3, **area(400), include_updates="yes")).status_code == 400
    plain, opted = (client.post("/v1/alerts", push_alert(4, **area(300), **extra)).json_body["id"]
                    for extra in ({}, {"include_updates": True}))
    assert plain != opted  # two subscriptions, not one changed
    # An update reads the report's followers and one key per precision of the updates rows: bounded.
    located = Report(id="DS-AAAAAA", service_code="pothole", state="open", lon=-1.0819, lat=53.9623)
    assert len(event_keys(located, "report_updated")) == 1 + len(MATCH_PRECISIONS)
    assert event_keys(Report(id="DS-BBBBBB", service_code="pothole", state="open"), "report_updated") == [
        "report#DS-BBBBBB"]


@pytest.mark.parametrize("radius_m", [100, 400, 1500, 5000])
def test_an_area_alert_with_updates_and_petitions_is_one_transaction_of_at_most_100_items(subscribe, radius_m):
    """The alert and every row of its three sets go in one transaction, which
    DynamoDB caps at 100 items, whatever the circle's size."""
    from chalicelib.handlers.alerts import targets
    assert 1 + targets.MAX_CELLS + targets.MAX_UPDATE_CELLS + targets.MAX_PETITION_CELLS <= 100
    made = subscribe(push_alert(9, **area(radius_m), include_updates=True, petitions=True))
    assert made["include_updates"] is True and made["petitions"] is True
