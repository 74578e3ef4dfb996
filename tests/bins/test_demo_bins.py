"""The demo council's bin rounds: loaded once by `make run`, shared by neighbours."""
import csv
import json
from datetime import datetime, timezone


def demo_rows():
    from doorstep_cli.demo_addresses import CSV_PATH
    with open(CSV_PATH, newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_demo_rounds_file_is_what_the_generator_writes_and_imports_cleanly(tmp_path):
    from doorstep_cli.bin_rounds import read_rounds
    from doorstep_cli.demo_bins import JSON_PATH, write
    write(tmp_path / "again.json")
    assert (tmp_path / "again.json").read_text() == JSON_PATH.read_text()
    rounds, problems = read_rounds(JSON_PATH)
    assert problems == [] and len(rounds) == 35


def test_every_demo_address_names_rounds_that_exist_and_a_band():
    from doorstep_cli.demo_bins import JSON_PATH
    ids = {r["id"] for r in json.loads(JSON_PATH.read_text())["rounds"]}
    rows = demo_rows()
    for row in rows:
        named = {row[c] for c in ("refuse_round", "recycling_round", "garden_round", "food_round") if row[c]}
        assert named <= ids and len(named) >= 3 and row["council_tax_band"] in "ABCDEFGH"
    by_street = {}
    for row in rows:
        by_street.setdefault(row["address_1"].split(" ", 1)[1] + row["address_2"], set()).add(row["refuse_round"])
    assert all(len(rounds) == 1 for rounds in by_street.values())  # neighbours share a round


def test_seeding_bin_rounds_twice_writes_them_once(deps):
    from doorstep_cli.seed import demo_bin_rounds
    assert demo_bin_rounds(deps) == 35
    assert demo_bin_rounds(deps) == 0


def test_a_demo_home_shows_the_christmas_shift(deps):
    from chalicelib.handlers.places import place_view
    from doorstep_cli.seed import demo_addresses, demo_bin_rounds
    demo_addresses(deps)
    demo_bin_rounds(deps)
    friday = next(r for r in demo_rows() if r["refuse_round"] == "refuse-fri-a")
    deps.clock = lambda: datetime(2026, 12, 20, 12, tzinfo=timezone.utc)
    view = place_view.place(deps, friday["uprn"])
    refuse = next(b for b in view["bins"] if b["stream"] == "refuse")["collections"]
    assert refuse[0] == {"date": "2026-12-26", "weekday": "Saturday", "moved_from": "2026-12-25"}
    garden = next(b for b in view["bins"] if b["stream"] == "garden")["collections"]
    assert garden[0]["date"] >= "2027-01-02"  # paused over Christmas
