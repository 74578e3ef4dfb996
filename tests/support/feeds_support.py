"""Reading feeds as a feed reader would (feedparser), and a clock to order reports."""
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

PUBLIC_URL = "https://doorstep.example"
FEED = "/v1/feeds/reports.rss"


@pytest.fixture
def public_url(monkeypatch):
    # Before `client`: the stage's environment is read per request.
    monkeypatch.setenv("DOORSTEP_PUBLIC_URL", PUBLIC_URL)
    return PUBLIC_URL


def read_feed(response):
    """The parsed feed; fails the test if a reader would call it broken."""
    import feedparser
    assert response.status_code == 200, response.body
    assert response.headers["Content-Type"] == "application/rss+xml; charset=utf-8"
    parsed = feedparser.parse(response.body)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    return parsed


def ticking(deps, start=datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc), step=timedelta(minutes=1)):
    """Deps whose clock moves on a minute per call, so creation order is certain."""
    moments = iter(start + i * step for i in range(10_000))
    return replace(deps, clock=lambda: next(moments))


def assert_json_error(response, status, code, field=None):
    assert response.status_code == status, response.body
    assert response.headers["Content-Type"] == "application/json"
    error = response.json_body["error"]
    assert error["code"] == code
    if field:
        assert field in [f["field"] for f in error["fields"]]
