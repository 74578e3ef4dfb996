"""A council's export and deletion killed with SIGKILL midway, in a process of their own, on DynamoDB Local
(the real engine's Scan pages, conditions and BatchWriteItem), then run again: every item exported once,
none missed; every item deleted, none of another council's touched, each counted once in the report."""
import json

import pytest

from contract.dynamodb_local_backend import aws, dynamodb_local_tables, storage  # noqa: F401
from support.kill_support import killed_at
from support.offboarding_support import NORTH, exported_lines, held, index_entries, two_councils_sharing_a_prefix

NL = "north-lanarkshire"


@pytest.fixture
def small_pages(monkeypatch):
    """Pages of three items and parts of two, so a handful of reports is many pages and parts."""
    from chalicelib.storage.offboarding import exporting, paging
    monkeypatch.setattr(paging, "SCAN_PAGE", 3)
    monkeypatch.setattr(exporting, "PART_ITEMS", 2)


def dying(boundary, nth, run):
    """run(), in a child armed to die at `boundary`, dying there the nth time it is reached."""
    from chalicelib import faults
    armed, arrived = faults.boundary, []

    def counting(name):
        if name == boundary:
            arrived.append(name)
            if len(arrived) == nth:
                armed(name)
    faults.boundary = counting
    run()


def as_exported(council, items):
    """The council's items of every table as the export writes them, each as its one line."""
    from chalicelib.storage.offboarding.kinds import council_tables
    from chalicelib.storage.offboarding.plain import line, plain
    kinds = {k.name: k for k in council_tables()}
    return {name: sorted(line(plain(i, council, kinds[name].council_keyed, kinds[name].json_attributes))
                         for i in found) for name, found in items.items()}


def lines_of(records):
    from chalicelib.storage.offboarding.plain import line
    return sorted(line(r) for r in records)


@pytest.mark.parametrize("boundary, nth", [("offboard.part_written", 4), ("offboard.export_saved", 4),
                                           ("offboard.part_written", 30), ("offboard.export_saved", 30)])
def test_an_export_killed_midway_is_run_again_without_a_duplicate_or_a_gap(
        client, deps, doorstep, tmp_path, small_pages, boundary, nth):
    two_councils_sharing_a_prefix(client, deps)
    assert doorstep("councils", "offboard", NORTH, "--stop") == 0
    mine = held(NORTH)
    folder = str(tmp_path / "north")
    killed_at(boundary, lambda: dying(boundary, nth, lambda: doorstep("councils", "offboard", NORTH, "--export",
                                                                       folder)))
    assert doorstep("councils", "offboard", NORTH, "--export", folder) == 0
    manifest, lines = exported_lines(folder)
    expected = as_exported(NORTH, mine[0])
    assert {name: lines_of(lines[name]) for name in expected} == expected  # each item once, none missing
    assert sum(len(k["parts"]) for k in manifest["kinds"].values()) > 10
    assert manifest["files"]["photos"]["files"] == len(mine[1])


@pytest.mark.parametrize("boundary, nth", [("offboard.deleted", 3), ("offboard.delete_saved", 3),
                                           ("offboard.deleted", 12), ("offboard.delete_saved", 12)])
def test_a_deletion_killed_midway_is_run_again_and_deletes_all_once_and_nothing_of_another(
        client, deps, doorstep, tmp_path, small_pages, boundary, nth):
    two_councils_sharing_a_prefix(client, deps)
    theirs = held(NL)
    assert doorstep("councils", "offboard", NORTH, "--stop") == 0
    assert doorstep("councils", "offboard", NORTH, "--export", str(tmp_path / "north")) == 0
    killed_at(boundary, lambda: dying(boundary, nth, lambda: doorstep("councils", "offboard", NORTH, "--delete",
                                                                       "--confirm", NORTH)))
    assert held(NORTH)[0] != {}  # it died midway: some left
    report_file = tmp_path / "report.json"
    assert doorstep("councils", "offboard", NORTH, "--delete", "--confirm", NORTH, "--report", str(report_file)) == 0
    assert held(NORTH) == ({}, {}) and index_entries(NORTH) == {}
    assert held(NL) == theirs
    record = json.loads(report_file.read_text())
    report = record["deletion"]["report"]
    exported = record["export"]["counts"]
    assert {name: kind["deleted"] for name, kind in report["kinds"].items()} == \
        {name: exported[name] for name in report["kinds"]}  # each deleted item counted once, whatever died
    assert report["zero_read_back"] and report["others"]["unchanged"]
