"""How we're doing: the figures a resident can read, as charts with the
tables behind them, and the open data to download."""
import time
from datetime import datetime, timezone

import pytest
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import heading

# Far from where the other journeys report, and every one closed in the end:
# no map, nearby suggestion or area alert of theirs meets these.
VILLAGES = [(54.0150, -1.0700), (53.9650, -0.9850), (53.9200, -1.0980), (54.0400, -1.0340)]
CLOSED_LIVES = [[("fixed", None)], [("closed", None)], [("fixed", None), ("open", 2), ("fixed", None)],
                [("not_responsible", 1)], [("investigating", 1), ("fixed", None)]]
COUNT = 15
_loaded = set()  # the stacks (by address) that have them already
# The tests that read the year, on one test worker (`make test` runs with
# --dist loadgroup): its stack makes the year once for them all (25-30 s).
ON_ONE_STACK = pytest.mark.xdist_group("a_year_of_figures")


def a_year_of_figures(stack):
    """A year of reports in the stack, counted by its stream reader, and
    the open data exported; once per stack. Returns GET /v1/stats."""
    from chalicelib.handlers.opendata.export import publish
    from support.year_of_reports import year_of_reports
    if stack.url in _loaded:
        return stack.get("/v1/stats")
    deps = stack.deps()
    year_of_reports(deps, COUNT, datetime.now(timezone.utc).replace(microsecond=0), seed=412,
                    lives=CLOSED_LIVES, places=VILLAGES)
    # Every report in the stack, the journeys' before these, as the figures
    # must count them once the stream reader has caught up.
    expected = reports_open_and_in_all()
    deadline = time.monotonic() + 180  # a wait, not a timing: a busy machine is slower
    while time.monotonic() < deadline:
        totals = stack.get("/v1/stats")["totals"]
        if (totals["received"], totals["open"]) == expected:
            break
        time.sleep(0.2)
    else:
        raise AssertionError(f"the stream reader had not counted {expected} within three minutes: {totals}")
    publish(deps)
    _loaded.add(stack.url)
    return stack.get("/v1/stats")


def reports_open_and_in_all():
    """(all, open): the stack's reports as stored."""
    from chalicelib import states
    from chalicelib.storage.reports.reports import ReportModel
    buckets = [states.bucket(r.state) for r in ReportModel.scan()]
    return len(buckets), buckets.count(states.bucket("open"))


def open_every_table(page):
    for summary in page.locator("details summary").all():
        summary.click()


@ON_ONE_STACK
def test_a_resident_reads_how_the_council_is_doing_in_charts_and_in_the_tables_behind_them(page, stack):
    stats = a_year_of_figures(stack)
    page.goto("/")
    page.get_by_role("link", name="How we're doing").click()
    heading(page, "How we're doing")
    totals = page.locator("#totals")
    expect(totals).to_contain_text(f"Reported{stats['totals']['received']:,}")
    median = stats["totals"]["days_to_fix"]["median"]
    expect(totals).to_contain_text(f"Half are fixed within {median} day")

    months = page.get_by_role("img", name="Reports each month")
    expect(months).to_be_visible()
    page.get_by_text("Reports each month: the figures as a table").click()
    table = page.get_by_role("region", name="Reports each month: the figures as a table").get_by_role("table")
    shown = stats["months"][-12:]
    expect(table.locator("tbody tr")).to_have_count(len(shown))
    last = shown[-1]
    expect(table.locator("tbody tr").last).to_contain_text(f"{last['received']}{last['fixed']}{last['closed']}")

    pothole = next(c for c in stats["categories"] if c["service_code"] == "pothole")
    page.get_by_text("By kind of problem: the figures as a table").click()
    row = page.get_by_role("region", name="By kind of problem: the figures as a table").get_by_role(
        "row", name="Pothole")
    expect(row).to_contain_text(f"{pothole['received']}{pothole['fixed']}")
    expect(page.get_by_role("img", name="Fixed within target")).to_be_visible()
    expect(page.get_by_role("img", name="How reports reach us")).to_be_visible()
    if stats["satisfaction"] is None:  # no reporter answered in this stack yet (test_questionnaire.py may have)
        expect(page.locator("#screen")).to_contain_text("Nobody has answered yet")
    open_every_table(page)
    check_accessible(page, "performance, every table open")

    download = page.get_by_role("link", name="reports.csv")
    answer = page.request.get(download.get_attribute("href"))  # the stable address, redirected to the file
    assert answer.ok and answer.text().startswith("id,url,service_code,")
    expect(page.get_by_role("link", name="Open Government Licence v3.0")).to_have_attribute("rel", "license")
