"""One report's timeline as a feed: what a resident follows in a feed reader."""
from conftest import pothole
from support.feeds_support import FEED, PUBLIC_URL, assert_json_error, public_url, read_feed, ticking  # noqa: F401


def test_report_timeline_feed_lists_its_updates_newest_first_with_stable_guids(client, deps, public_url):
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state
    timed = ticking(deps)
    rid = reports.create_report(timed, pothole())[0]["id"]
    change_state(timed, rid, "investigating", "An inspector will visit this week.")
    change_state(timed, rid, "investigating", "Booked for Tuesday & Wednesday.")
    change_state(timed, rid, "fixed")

    response = client.get(f"{FEED}?report={rid}")
    feed = read_feed(response)

    assert feed.feed.title == f"{rid} Pothole: Deep pothole outside the Minster's west door."
    assert feed.feed.link == f"{PUBLIC_URL}/v1/reports/{rid}"
    assert [e.id for e in feed.entries] == [f"{rid}-4", f"{rid}-3", f"{rid}-2", f"{rid}-1"]
    assert [e.title for e in feed.entries] == [
        "Status: Fixed", "Update from the council", "Status: Investigating", "Reported: Pothole"]
    assert "Booked for Tuesday &amp; Wednesday." in feed.entries[1].description
    assert all(e.link == f"{PUBLIC_URL}/v1/reports/{rid}" for e in feed.entries)
    assert feed.entries[0].published_parsed > feed.entries[-1].published_parsed
    assert [e.id for e in read_feed(client.get(f"{FEED}?report={rid.lower()}")).entries] == \
        [e.id for e in feed.entries]


def test_timeline_feed_never_carries_contact_details(client, public_url):
    made = client.post("/v1/reports", pothole()).json_body
    body = client.get(f"{FEED}?report={made['id']}").body.decode("utf-8")
    for secret in ("ada@example.org", "Ada Resident", "07700", made["tracking_token"]):
        assert secret not in body


def test_timeline_of_a_private_category_names_only_the_category(client, public_url):
    made = client.post("/v1/reports", {
        "service_code": "complaint", "description": "My neighbour Bob Smith at 4 Elm Row is rude.",
        "fields": {"service_area": "Bins"}, "contact": {"email": "ada@example.org"}}).json_body
    feed = read_feed(client.get(f"{FEED}?report={made['id']}"))
    body = client.get(f"{FEED}?report={made['id']}").body.decode("utf-8")

    assert feed.feed.title == f"{made['id']} Complaint"
    assert "Bob Smith" not in body and "Elm Row" not in body and "georss:point" not in body


def test_timeline_feed_errors(client):
    assert_json_error(client.get(f"{FEED}?report=DS-NOPE99"), 404, "report_not_found")
    assert_json_error(client.get(f"{FEED}?report=DS-NOPE99&lat=53.96&lon=-1.08"), 422,
                      "validation_failed", "report")
