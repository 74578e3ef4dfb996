"""A client's allowance is the same whatever the time: at the top of an hour
the minute's window and the hour's begin together, and must still count apart."""
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from chalicelib.errors import ApiError


def ten_reports_at(deps, when):
    from chalicelib.auth import rate_limits
    at = replace(deps, client="203.0.113.9", clock=lambda: when)
    made = 0
    for _ in range(11):
        try:
            rate_limits.creation(at, "report")
            made += 1
        except ApiError as e:
            assert e.status == 429
    return made


@pytest.mark.parametrize("when", [
    datetime(2026, 11, 22, 20, 0, 30, tzinfo=timezone.utc),  # the hour's first minute
    datetime(2026, 11, 22, 20, 17, 30, tzinfo=timezone.utc),
])
def test_a_burst_at_any_minute_gets_the_whole_allowance(deps, when):
    assert ten_reports_at(deps, when) == 10


def test_the_hours_allowance_still_runs_out_across_minutes(deps):
    start = datetime(2026, 11, 22, 20, 0, 5, tzinfo=timezone.utc)
    made = sum(ten_reports_at(deps, start + timedelta(minutes=m)) for m in range(7))
    assert made == 60  # (60, HOUR): six minutes' bursts, then nothing more this hour
