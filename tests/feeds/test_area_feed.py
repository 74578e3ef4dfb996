"""The area feed: new reports near a point, as feed readers see them."""
import html

from conftest import YORK_MINSTER, pothole
from support.feeds_support import FEED, PUBLIC_URL, assert_json_error, public_url, read_feed, ticking  # noqa: F401

LAT, LON = YORK_MINSTER
NEAR = f"{FEED}?lat={LAT}&lon={LON}"


def test_area_feed_is_rss_a_feed_reader_accepts_with_one_item_per_report(client, public_url):
    rid = client.post("/v1/reports", pothole()).json_body["id"]

    response = client.get(NEAR)
    feed = read_feed(response)

    assert feed.feed.title.startswith("Reports to ")
    assert feed.feed.link == f"{PUBLIC_URL}/"
    assert feed.feed.ttl == "15"
    assert any(link.rel == "self" and link.href.startswith(f"{PUBLIC_URL}{FEED}?lat=53.962300")
               for link in feed.feed.links)
    assert feed.feed.updated_parsed is not None  # lastBuildDate
    [item] = feed.entries
    assert item.title == "Pothole: Deep pothole outside the Minster's west door."
    assert item.link == f"{PUBLIC_URL}/v1/reports/{rid}"
    assert item.id == rid and item.guidislink is False
    assert item.published_parsed is not None
    assert [t.term for t in item.tags] == ["Pothole"]
    assert "Status: Open" in item.description
    assert item.where["coordinates"] == (LON, LAT)
    assert response.headers["Cache-Control"].startswith("public, max-age=")
    assert "items=" in response.headers["Server-Timing"]


def test_area_feed_lists_reports_inside_the_radius_only(client, public_url):
    near = client.post("/v1/reports", pothole(lat=LAT + 0.0027)).json_body["id"]  # about 300 m north
    far = client.post("/v1/reports", pothole(lat=LAT - 0.0135)).json_body["id"]  # about 1.5 km south

    within_1km = [e.id for e in read_feed(client.get(NEAR)).entries]
    within_2km = [e.id for e in read_feed(client.get(f"{NEAR}&radius_m=2000")).entries]
    within_250m = [e.id for e in read_feed(client.get(f"{NEAR}&radius_m=250")).entries]

    assert within_1km == [near]
    assert set(within_2km) == {near, far}
    assert within_250m == []


def test_area_feed_is_newest_first_at_most_fifty_with_stable_guids(client, deps, public_url):
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state
    timed = ticking(deps)
    made = [reports.create_report(timed, pothole(lat=LAT + i * 0.00005, description=f"Pothole number {i}"))[0]["id"]
            for i in range(53)]

    first = read_feed(client.get(NEAR)).entries
    again = read_feed(client.get(NEAR)).entries

    assert [e.id for e in first] == made[::-1][:50]
    assert [e.id for e in again] == [e.id for e in first]
    assert first[0].title == "Pothole: Pothole number 52"


def test_fixed_reports_leave_the_feed(client, deps, public_url):
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state
    fixed = client.post("/v1/reports", pothole()).json_body["id"]
    still_open = client.post("/v1/reports", pothole(description="Another hole")).json_body["id"]
    change_state(deps, fixed, "fixed", "Filled in.")

    assert [e.id for e in read_feed(client.get(NEAR)).entries] == [still_open]


def test_hostile_descriptions_come_out_as_text_not_markup(client, public_url):
    hostile = "<script>alert('x')</script> ]]> & <![CDATA[ boom \x0b<b>bold</b>"
    client.post("/v1/reports", pothole(description=hostile))

    response = client.get(NEAR)
    body = response.body.decode("utf-8")
    [item] = read_feed(response).entries

    assert "<script" not in body and "<b>" not in body and "]]>" not in body and "\x0b" not in body
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in item.description  # shown as text
    assert "&amp; &lt;![CDATA[ boom" in item.description
    # Readers take a title that looks like markup as HTML (feedparser does):
    # once the XML is parsed, the title is escaped HTML that shows the text.
    assert item.title_detail.type == "text/html"
    assert item.title == html.escape("Pothole: " + hostile.replace("\x0b", ""), quote=False)
    import xml.etree.ElementTree as ET
    titles = [t.text for t in ET.fromstring(response.body).iter("title")]
    assert len(titles) == 2 and not any("<" in t for t in titles), titles


def test_area_feed_never_carries_contact_details(client, public_url):
    client.post("/v1/reports", pothole())
    body = client.get(NEAR).body.decode("utf-8")
    assert body.count("<item>") == 1
    for secret in ("ada@example.org", "Ada Resident", "07700", "900123", "tracking", "token"):
        assert secret not in body


def test_an_unchanged_feed_answers_304_to_its_etag_and_a_new_report_changes_it(client, public_url):
    client.post("/v1/reports", pothole())
    first = client.get(NEAR)
    etag = first.headers["ETag"]

    unchanged = client.get(NEAR, {"If-None-Match": etag})
    client.post("/v1/reports", pothole(description="A second hole"))
    changed = client.get(NEAR, {"If-None-Match": etag})

    assert unchanged.status_code == 304 and unchanged.body in (b"", "")
    assert unchanged.headers["ETag"] == etag
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_bad_area_parameters_are_refused_in_the_one_error_shape(client):
    assert_json_error(client.get(FEED), 422, "validation_failed", "lat")  # a rule: lat and lon, ward or report
    assert_json_error(client.get(f"{FEED}?lat=north&lon={LON}"), 400, "validation_failed", "lat")
    assert_json_error(client.get(f"{NEAR}&radius_m=10"), 400, "validation_failed", "radius_m")
    assert_json_error(client.get(f"{NEAR}&radius_m=5001"), 400, "validation_failed", "radius_m")
    assert_json_error(client.get(f"{NEAR}&radius_m=nan"), 400, "validation_failed", "radius_m")
    assert_json_error(client.get(f"{FEED}?lat=51.5007&lon=-0.1246"), 422, "outside_service_area", "lat")


def test_an_area_with_more_open_reports_than_one_feed_reads_says_so(client, deps, public_url, monkeypatch):
    from chalicelib.handlers.reports import feeds, create as reports
    monkeypatch.setattr(feeds, "AREA_READ_CAP", 4)
    timed = ticking(deps)
    for i in range(7):
        reports.create_report(timed, pothole(lat=LAT + i * 0.001))

    crowded = read_feed(client.get(NEAR))
    quiet = read_feed(client.get(f"{NEAR}&radius_m=50"))

    assert "a smaller radius gives the complete list" in crowded.feed.description
    assert 1 <= len(crowded.entries) <= 4
    assert "smaller radius" not in quiet.feed.description and len(quiet.entries) == 1


def test_an_empty_feed_is_the_same_document_throughout_one_poll_interval(deps):
    from dataclasses import replace
    from datetime import datetime, timezone
    from chalicelib.handlers.reports import feeds

    def at(minute, second):
        return feeds.reports_feed(replace(deps, clock=lambda: datetime(2026, 11, 2, 9, minute, second,
                                                                        tzinfo=timezone.utc)),
                                  {"lat": str(LAT), "lon": str(LON)})

    assert at(15, 1) == at(29, 59) != at(30, 0)
    assert "<lastBuildDate>Mon, 02 Nov 2026 09:15:00 GMT</lastBuildDate>" in at(15, 1)
