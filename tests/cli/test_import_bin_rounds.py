"""`doorstep import bin-rounds` and the round columns of `doorstep import addresses`."""
import json


FRIDAY = {"id": "refuse-fri-a", "stream": "refuse", "weekday": "friday", "every_weeks": 2, "start": "2026-01-09",
          "exceptions": {"2026-12-25": "2026-12-27", "2027-01-08": "cancelled"}}
MONDAY = {"id": "food-mon", "stream": "food", "weekday": "monday", "every_weeks": 1, "start": "2026-01-05",
          "end": "2027-03-29"}


def json_file(tmp_path, data):
    path = tmp_path / "rounds.json"
    path.write_text(json.dumps(data))
    return str(path)


def test_rounds_are_imported_with_their_exceptions(doorstep, deps, tmp_path, capsys):
    assert doorstep("import", "bin-rounds", json_file(tmp_path, {"rounds": [FRIDAY, MONDAY]})) == 0
    assert "2 bin rounds imported" in capsys.readouterr().out
    friday = deps.bin_rounds.get("refuse-fri-a").to_round()
    assert friday.weekday == 4 and friday.every_weeks == 2
    assert {k.isoformat(): v and v.isoformat() for k, v in friday.exceptions.items()} == {
        "2026-12-25": "2026-12-27", "2027-01-08": None}
    assert deps.bin_rounds.get("food-mon").to_round().end.isoformat() == "2027-03-29"


def test_a_bad_round_stops_the_import_and_names_the_round(doorstep, deps, tmp_path, capsys):
    bad = {**MONDAY, "id": "food-tue", "start": "2026-01-06"}  # a Tuesday for a Monday round
    assert doorstep("import", "bin-rounds", json_file(tmp_path, [FRIDAY, bad, FRIDAY])) == 1
    out = capsys.readouterr().out
    assert "round 2 (id 'food-tue'): start 2026-01-06 is a tuesday, not a monday" in out
    assert "round 3 (id 'refuse-fri-a'): id 'refuse-fri-a' repeats round 1" in out
    assert deps.bin_rounds.get("refuse-fri-a") is None


def test_skip_invalid_loads_the_good_rounds(doorstep, deps, tmp_path, capsys):
    bad = {**MONDAY, "stream": "compost"}
    assert doorstep("import", "bin-rounds", json_file(tmp_path, [FRIDAY, bad]), "--skip-invalid") == 0
    assert "1 bin rounds imported; 1 bad round(s) skipped" in capsys.readouterr().out
    assert deps.bin_rounds.get("refuse-fri-a") is not None and deps.bin_rounds.get("food-mon") is None


def test_a_file_that_is_not_rounds_is_refused(doorstep, tmp_path, capsys):
    assert doorstep("import", "bin-rounds", json_file(tmp_path, {"type": "FeatureCollection"})) == 1
    assert "expected" in capsys.readouterr().err


HEADER = "uprn,address,postcode,lat,lon,refuse_round,recycling_round,garden_round,food_round,council_tax_band\n"


def test_addresses_may_name_their_rounds_and_band(doorstep, deps, tmp_path):
    path = tmp_path / "addresses.csv"
    path.write_text(HEADER + "990000000401,1 Walmgate York,YO1 9TX,53.9568,-1.0755,refuse-fri-a,,,food-mon,c\n"
                    "990000000402,2 Walmgate York,YO1 9TX,53.9569,-1.0754,,,,,\n")
    assert doorstep("import", "addresses", str(path)) == 0
    first, second = deps.addresses.get("990000000401"), deps.addresses.get("990000000402")
    assert first.rounds == {"refuse": "refuse-fri-a", "food": "food-mon"} and first.council_tax_band == "C"
    assert second.rounds == {} and second.council_tax_band is None


def test_a_bad_band_or_round_id_stops_the_address_import(doorstep, deps, tmp_path, capsys):
    path = tmp_path / "addresses.csv"
    path.write_text(HEADER + "990000000401,1 Walmgate York,YO1 9TX,53.9568,-1.0755,refuse fri,,,,J\n")
    assert doorstep("import", "addresses", str(path)) == 1
    out = capsys.readouterr().out
    assert "refuse_round 'refuse fri' is not a round id" in out and "council_tax_band 'J'" in out
    assert deps.addresses.get("990000000401") is None
