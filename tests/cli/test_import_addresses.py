"""`doorstep import addresses`: a council loads its gazetteer extract."""

GOOD = ("990000000301,1 Walmgate,,York,YO1 9TX,53.9568,-1.0755,Guildhall\n"
        "990000000302,2 Walmgate,,York,yo19tx,53.9569,-1.0754,\n")
HEADER = "uprn,address_1,address_2,address_3,postcode,lat,lon,ward\n"


def csv_file(tmp_path, text):
    path = tmp_path / "addresses.csv"
    path.write_text(text)
    return str(path)


def stored():
    from chalicelib.storage.places.addresses import AddressModel
    return {a.uprn: a for a in AddressModel.scan()}


def test_a_good_file_is_imported_and_counted(doorstep, tmp_path, capsys):
    assert doorstep("import", "addresses", csv_file(tmp_path, HEADER + GOOD)) == 0
    assert "2 addresses imported" in capsys.readouterr().out
    rows = stored()
    assert rows["990000000302"].postcode == "YO1 9TX" and rows["990000000302"].postcode_key == "YO19TX"
    assert rows["990000000301"].lines == ["1 Walmgate", "York"] and rows["990000000302"].ward is None


def test_importing_again_updates_by_uprn_and_adds_nothing(doorstep, tmp_path):
    doorstep("import", "addresses", csv_file(tmp_path, HEADER + GOOD))
    assert doorstep("import", "addresses", csv_file(tmp_path, HEADER + GOOD.replace("1 Walmgate", "1A Walmgate"))) == 0
    rows = stored()
    assert len(rows) == 2 and rows["990000000301"].lines[0] == "1A Walmgate"


BAD = ("12345678901234,3 Walmgate,,York,YO1 9TX,53.9570,-1.0753,\n"
       "990000000304,4 Walmgate,,York,NOT A CODE,53.9571,-1.0752,\n"
       "990000000305,5 Walmgate,,York,YO1 9TX,north,-1.0752,\n"
       "990000000306,Buckingham Palace,,London,SW1A 1AA,51.5014,-0.1419,\n")


def test_a_bad_row_stops_the_whole_import_and_every_bad_row_is_listed(doorstep, tmp_path, capsys):
    assert doorstep("import", "addresses", csv_file(tmp_path, HEADER + GOOD + BAD)) == 1
    out = capsys.readouterr().out
    assert "line 4: uprn '12345678901234' is not 1 to 12 digits" in out
    assert "line 5: postcode 'NOT A CODE' is not a UK postcode" in out
    assert "line 6: lat and lon must be numbers" in out
    assert "line 7: 51.5014, -0.1419 is outside the service area" in out
    assert "nothing imported" in out
    assert stored() == {}


def test_skip_invalid_imports_the_good_rows_and_reports_the_bad(doorstep, tmp_path, capsys):
    assert doorstep("import", "addresses", "--skip-invalid", csv_file(tmp_path, HEADER + GOOD + BAD)) == 0
    out = capsys.readouterr().out
    assert "2 addresses imported; 4 bad row(s) skipped" in out and "line 7:" in out
    assert set(stored()) == {"990000000301", "990000000302"}


def test_a_single_address_column_works_too(doorstep, tmp_path):
    text = 'uprn,address,postcode,lat,lon\n990000000401,"7 Walmgate, York",YO1 9TX,53.9567,-1.0756\n'
    assert doorstep("import", "addresses", csv_file(tmp_path, text)) == 0
    assert stored()["990000000401"].lines == ["7 Walmgate, York"]


def test_a_file_without_the_needed_columns_is_refused_before_reading_rows(doorstep, tmp_path, capsys):
    assert doorstep("import", "addresses", csv_file(tmp_path, "uprn,street\n1,Walmgate\n")) == 1
    assert "the header lacks postcode, lat, lon, address (or address_1)" in capsys.readouterr().err
    assert doorstep("import", "addresses", str(tmp_path / "missing.csv")) == 1
    assert "cannot read" in capsys.readouterr().err


def test_a_big_import_off_a_terminal_reports_progress_on_stderr_only(deps, tmp_path, monkeypatch):
    import io

    from doorstep_cli import progress
    from doorstep_cli.addresses import import_file
    monkeypatch.setattr(progress, "EVERY", 1000)
    rows = "".join(f"99{n:010d},{n} Walmgate,,York,YO1 9TX,53.9568,-1.0755,\n" for n in range(1, 2101))
    stream = io.StringIO()
    written, problems = import_file(deps, csv_file(tmp_path, HEADER + rows), stream=stream)
    assert (written, problems) == (2100, [])
    assert stream.getvalue() == "... 1000 addresses\n... 2000 addresses\n"


def test_seed_loads_the_fictional_york_addresses_once(deps):
    from doorstep_cli.seed import demo_addresses
    loaded = demo_addresses(deps)
    assert 200 <= loaded <= 500
    assert demo_addresses(deps) == 0
    rows = list(stored().values())
    assert all(r.uprn.startswith("99") and r.postcode.startswith("YO") for r in rows)
    assert all(deps.area.contains(float(r.lon), float(r.lat)) for r in rows)
    assert {"YO1 7HH", "YO23 1AA", "YO31 8BB"} <= {r.postcode for r in rows}


def test_the_demo_addresses_file_is_what_the_generator_writes(deps, tmp_path):
    from doorstep_cli.demo_addresses import CSV_PATH, write
    write(tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_text() == CSV_PATH.read_text()
