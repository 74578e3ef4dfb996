"""GET /v1/stats: figures kept from the events stream, event by event, equal
the same figures worked out again from the reports themselves; a stream that
delivers everything twice counts nothing twice; and reading them costs the
same at any number of reports."""
import json
import re
from datetime import datetime, timezone

import pytest
from support.stats_support import read_stream, recompute
from support.year_of_reports import year_of_reports


@pytest.fixture
def stream(storage, tmp_path):
    """A new events table, so its stream holds this test's events alone (a
    stream keeps what earlier tests wrote: emptying the table only adds
    REMOVE records); returns where the reader keeps its position."""
    from chalicelib.storage.reports.reports import EventModel
    EventModel.delete_table()
    EventModel.create_table(wait=True)
    return tmp_path / "stream.json"


@pytest.fixture
def council(deps):
    """The demo council's wards (reports are counted by the ward holding them)."""
    from doorstep_cli.seed import demo_wards
    demo_wards(deps)
    return deps


def figures(client):
    client.get("/v1/stats")  # categories cached, as they are on a warm function: the read alone is metered
    response = client.get("/v1/stats")
    assert response.status_code == 200, response.body
    cost = re.search(r"queries=(\d+) items=(\d+)", response.headers["Server-Timing"])
    return json.loads(response.body), (int(cost[1]), int(cost[2]))


def test_a_year_of_reports_gives_the_figures_worked_out_again_from_the_reports(client, council, stream):
    from chalicelib.handlers.stats.counting import count_stream  # what the stream's handler does first
    deps, now = council, datetime.now(timezone.utc).replace(microsecond=0)
    made = year_of_reports(deps, 30, now)
    assert read_stream(stream, lambda: deps, count_stream) > 30

    stats, (queries, items) = figures(client)
    expected = recompute(deps, made, now)
    assert stats == expected
    assert expected["totals"]["fixed"] > 5 and expected["totals"]["reopened"] > 1 and len(expected["wards"]) > 3
    assert len({c["channel"] for c in expected["channels"]}) == 4
    assert len(expected["months"]) in (12, 13)
    rows = 1 + len([c for c in expected["categories"] if c["received"]]) + 1 + len(expected["wards"]) + len(
        [m for m in expected["months"] if m["received"] or m["closed"] or m["fixed"]])
    assert (queries, items) == (1, rows)  # "compliment", private and unlisted, has its row too

    more = year_of_reports(deps, 30, now)  # as many again, in the same places, categories and months
    read_stream(stream, lambda: deps, count_stream)
    stats, cost = figures(client)
    assert stats == recompute(deps, made + more, now)
    assert stats["totals"]["received"] == 60
    assert cost == (queries, items)  # twice the reports, the same read


def test_a_stream_that_delivers_every_event_again_changes_no_figure(client, council, stream, tmp_path):
    deps, now = council, datetime.now(timezone.utc).replace(microsecond=0)
    made = year_of_reports(deps, 12, now, seed=7)
    first = read_stream(stream, lambda: deps)
    before, _ = figures(client)
    assert before == recompute(deps, made, now)
    # Every record again, and any the handlers' own writes added that DynamoDB Local showed only
    # after the first read had found the stream empty (seen on a machine at load 10)
    assert read_stream(tmp_path / "from-the-start.json", lambda: deps) >= first
    assert figures(client)[0] == before


def test_no_figures_yet_reads_as_zeros_and_empty_lists(client):
    stats, (queries, _) = figures(client)
    assert stats["totals"] == {"received": 0, "closed": 0, "fixed": 0, "reopened": 0, "open": 0,
                               "days_to_fix": {"fixes": 0, "median": None, "p90": None}}
    assert (stats["wards"], stats["months"], stats["channels"], stats["satisfaction"]) == ([], [], [], None)
    assert all(c["received"] == 0 and c["within_target"] is None for c in stats["categories"])
    assert "compliment" not in {c["service_code"] for c in stats["categories"]}
    assert queries == 1
