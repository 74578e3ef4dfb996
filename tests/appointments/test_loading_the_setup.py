"""A council loads its own services and calendars with `doorstep
appointments load FILE`, naming the version it read (--if-match, as `doorstep
forms` does): a load made to an older version is refused, so no one's
changes are lost; a file with problems is refused with each one's path."""
import json

from doorstep_cli.appointments import demo_document


def test_a_council_loads_its_setup_with_if_match_and_a_stale_load_is_refused(doorstep, deps, tmp_path, capsys):
    setup = demo_document()
    first = tmp_path / "setup.json"
    first.write_text(json.dumps(setup))
    assert doorstep("appointments", "load", str(first)) == 0  # nothing stored: version 0 read, 1 made
    setup["services"][0]["name"] = "Housing options: an interview"
    second = tmp_path / "second.json"
    second.write_text(json.dumps(setup))
    assert doorstep("appointments", "load", str(second), "--if-match", "1") == 0
    setup["services"][0]["name"] = "Housing options (stale)"
    second.write_text(json.dumps(setup))
    assert doorstep("appointments", "load", str(second), "--if-match", "1") == 1  # someone loaded since 1
    setup["calendars"][0]["capacity"] = 0
    second.write_text(json.dumps(setup))
    assert doorstep("appointments", "load", str(second), "--if-match", "2") == 1
    assert doorstep("appointments", "list") == 0
    out, err = capsys.readouterr()
    assert "changed since you read them: they are at version 2" in err
    assert "calendars[0].capacity: " in err
    assert "version 2" in out and "loaded 4 services and 5 calendars: version 1" in out
    services, calendars = deps.appointments.setup()
    assert services["housing-options"]["name"] == "Housing options: an interview" and len(calendars) == 5
    assert deps.appointments.setup_version() == 2


def test_a_setup_that_is_not_json_is_refused_with_a_reason(doorstep, tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text("{services: ")
    assert doorstep("appointments", "load", str(broken)) == 1
    assert "file: Not a JSON file" in capsys.readouterr().err
