"""`doorstep import facilities` from CSV, and `doorstep facilities delete`.
(The GeoJSON import is tested beside "nearest" in tests/facilities.)"""
import pytest

from chalicelib.geo.distance import haversine_m

HEADER = "id,type,name,lat,lon,address,opening_hours,phone,url,accessibility\n"
GOOD = ("lib-1,library,Museum Street Explore Library,53.9603,-1.0862,\"Museum Street, York\","
        "Mo-Sa 09:00-17:00,01632 960001,https://example.org/lib-1,Step-free entrance\n"
        "rc-1,recycling_centre,Hazel Court Recycling Centre,53.9587,-1.0537,,,,,\n")


def csv_file(tmp_path, text, name="facilities.csv"):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def stored():
    from chalicelib.storage.places.facilities import FacilityModel
    return {f.id: f for f in FacilityModel.scan()}


def test_a_csv_with_lat_and_lon_is_imported_with_its_details_and_counted(doorstep, tmp_path, capsys, deps):
    assert doorstep("import", "facilities", csv_file(tmp_path, HEADER + GOOD)) == 0
    assert capsys.readouterr().out == "2 facilities imported\n"
    rows = stored()
    lib = rows["lib-1"]
    assert (float(lib.lon), float(lib.lat)) == (-1.0862, 53.9603) and lib.address == "Museum Street, York"
    assert lib.phone == "01632 960001" and lib.accessibility == "Step-free entrance"
    assert rows["rc-1"].opening_hours is None and rows["rc-1"].nearby_pk.startswith("recycling_centre#")
    assert deps.facilities.types() == [("library", 1), ("recycling_centre", 1)]


def test_latitude_and_longitude_headers_in_any_case_work_too(doorstep, tmp_path):
    text = " ID ,Type,Name,Latitude,Longitude\nt-1,public_toilet,Parliament Street Toilets,53.9592,-1.0817\n"
    assert doorstep("import", "facilities", csv_file(tmp_path, text, name="toilets.txt")) == 0
    assert float(stored()["t-1"].lat) == 53.9592


def test_british_national_grid_positions_are_converted_to_wgs84(doorstep, tmp_path):
    # York Minster, SE 6030 5220 (a grid reference rounded to 100 m, so the
    # stated tolerance is 50 m; bng.py's own accuracy is tested to 1 cm below).
    text = "id,type,name,easting,northing\ndefib-1,defibrillator,Minster Yard Defibrillator,460300,452200\n"
    assert doorstep("import", "facilities", csv_file(tmp_path, text)) == 0
    f = stored()["defib-1"]
    assert haversine_m(float(f.lon), float(f.lat), -1.0819, 53.9623) < 50


@pytest.mark.parametrize("point, easting, northing, lat, lon", [
    # Ordnance Survey's published OSTN15 test points (OSTN15_OSGM15_TestInput_OSGBtoETRS.txt).
    ("TP01", 91492.146, 11318.804, 49.92226393730, -6.29977752014),
    ("TP20", 422242.186, 433818.701, 53.80021519630, -1.66379168242),
    ("TP40", 395999.668, 1138728.951, 60.13308091660, -2.07382822798),
])
def test_grid_conversion_agrees_with_ordnance_survey_test_points_to_a_centimetre(point, easting, northing, lat, lon):
    from doorstep_cli.bng import to_lonlat
    got_lon, got_lat = to_lonlat(easting, northing)
    assert haversine_m(got_lon, got_lat, lon, lat) < 0.01, point


BAD = ("x1,Library,Capital Letters Library,53.9603,-1.0862\n"        # line 4
       "x2,library,,53.9603,-1.0862\n"                                 # line 5
       "x3,library,Somewhere,north,-1.0862\n"                          # line 6
       "x4,library,Palace Library,51.5014,-0.1419\n"                   # line 7
       "x5,library,Off The Grid,,,-5,452200\n"                         # line 8
       "x6,library,Leeds Library,,,430000,433800\n"                    # line 9
       "x7,library,Nowhere Library,,,,\n"                              # line 10
       "lib-1,library,Second Museum Street,53.9603,-1.0862\n"         # line 11
       "a#b,library,Hash Library,53.9603,-1.0862\n")                   # line 12
BAD_HEADER = "id,type,name,lat,lon,easting,northing\n"


def test_every_bad_row_is_listed_by_line_and_nothing_is_written(doorstep, tmp_path, capsys):
    good = "lib-1,library,Museum Street,53.9603,-1.0862,,\nrc-1,recycling_centre,Hazel Court,,,462210,451570\n"
    assert doorstep("import", "facilities", csv_file(tmp_path, BAD_HEADER + good + BAD)) == 1
    out = capsys.readouterr().out
    assert "line 4 (id 'x1'): type 'Library' is not a lower-case type such as library" in out
    assert "line 5 (id 'x2'): name is missing" in out
    assert "line 6 (id 'x3'): lat and lon must be numbers" in out
    assert "line 7 (id 'x4'): -0.1419, 51.5014 (lon, lat) is outside the service area" in out
    assert "line 8 (id 'x5'): easting -5, northing 452200 is not on the British National Grid" in out
    assert "(from easting 430000, northing 433800) is outside the service area" in out
    assert "line 10 (id 'x7'): no position: give lat and lon, or easting and northing" in out
    assert "line 11 (id 'lib-1'): id 'lib-1' repeats line 2" in out
    assert "line 12 (id 'a#b'): id 'a#b' may not contain '#'" in out
    assert "9 bad row(s): nothing imported" in out
    assert stored() == {}


def test_skip_invalid_keeps_the_good_rows_and_lists_the_bad(doorstep, tmp_path, capsys):
    good = "lib-1,library,Museum Street,53.9603,-1.0862,,\nrc-1,recycling_centre,Hazel Court,,,462210,451570\n"
    assert doorstep("import", "facilities", "--skip-invalid", csv_file(tmp_path, BAD_HEADER + good + BAD)) == 0
    out = capsys.readouterr().out
    assert "2 facilities imported; 9 bad row(s) skipped" in out and "line 12 (id 'a#b')" in out
    assert set(stored()) == {"lib-1", "rc-1"}


def test_a_csv_without_id_type_name_or_a_position_is_refused_before_reading_rows(doorstep, tmp_path, capsys):
    assert doorstep("import", "facilities", csv_file(tmp_path, "id,name,x,y\n1,A,1,2\n")) == 1
    err = capsys.readouterr().err
    assert "the header lacks type, lat and lon (or latitude and longitude, or easting and northing)" in err
    assert stored() == {}


def test_importing_a_changed_type_moves_the_facility_between_counts(doorstep, tmp_path, deps):
    doorstep("import", "facilities", csv_file(tmp_path, HEADER + GOOD))
    moved = GOOD.replace("rc-1,recycling_centre", "rc-1,household_waste_site")
    assert doorstep("import", "facilities", csv_file(tmp_path, HEADER + moved)) == 0
    assert deps.facilities.types() == [("household_waste_site", 1), ("library", 1)]
    assert deps.facilities.type_cells("recycling_centre")[0] == 0 and len(stored()) == 2


def test_deleting_facilities_by_id_keeps_the_type_counts_right(doorstep, tmp_path, capsys, deps):
    extra = "lib-2,library,Acomb Explore Library,53.9553,-1.1263,,,,,\n"
    doorstep("import", "facilities", csv_file(tmp_path, HEADER + GOOD + extra))
    capsys.readouterr()
    assert doorstep("facilities", "delete", "lib-1", "rc-1", "lib-1") == 0
    assert capsys.readouterr().out == "2 facilities deleted\n"
    assert set(stored()) == {"lib-2"}
    assert deps.facilities.types() == [("library", 1)]


def test_deleting_an_unknown_id_deletes_nothing(doorstep, tmp_path, capsys, deps):
    doorstep("import", "facilities", csv_file(tmp_path, HEADER + GOOD))
    capsys.readouterr()
    assert doorstep("facilities", "delete", "lib-1", "lib-99") == 1
    assert capsys.readouterr().out == "lib-99: no such facility\n1 unknown id(s): nothing deleted\n"
    assert set(stored()) == {"lib-1", "rc-1"}
    assert deps.facilities.types() == [("library", 1), ("recycling_centre", 1)]


class Terminal:
    """A stderr that says it is a terminal and keeps what was drawn on it."""
    def __init__(self):
        self.drawn = []

    def isatty(self):
        return True

    def write(self, text):
        self.drawn.append(text)

    def flush(self):
        pass


def test_on_a_terminal_a_progress_bar_is_drawn_on_stderr_and_the_report_stays_whole(
        doorstep, tmp_path, capsys, monkeypatch):
    from doorstep_cli import progress
    terminal = Terminal()
    monkeypatch.setattr(progress, "DELAY_S", 0)
    monkeypatch.setattr("sys.stderr", terminal)
    assert doorstep("import", "facilities", csv_file(tmp_path, HEADER + GOOD)) == 0
    drawn = "".join(terminal.drawn)
    assert drawn.startswith("\rfacilities:") and "/2 [" in drawn  # redrawn at most every 0.1 s
    assert drawn.endswith("\r")  # leave=False: the bar wipes itself before the report
    assert capsys.readouterr().out == "2 facilities imported\n"


ISSUE_TYPES = {"library", "primary_school", "secondary_school", "recycling_centre", "household_waste_site",
               "customer_service_point", "leisure_centre", "public_toilet", "park", "car_park", "defibrillator",
               "polling_station", "ev_charger"}


def test_seed_loads_demo_facilities_of_every_type_once(deps):
    from doorstep_cli.seed import demo_facilities
    loaded = demo_facilities(deps)
    assert loaded >= 3 * len(ISSUE_TYPES) // 2
    assert demo_facilities(deps) == 0
    counts = dict(deps.facilities.types())
    assert set(counts) == ISSUE_TYPES and sum(counts.values()) == loaded
    rows = list(stored().values())
    assert all(deps.area.contains(float(f.lon), float(f.lat)) for f in rows)
    assert all(f.phone.startswith("01632 960") and f.url.startswith("https://example.org/") for f in rows)
    assert all(f.address and f.opening_hours and f.accessibility for f in rows)


def test_the_demo_facilities_file_is_what_the_generator_writes(tmp_path):
    from doorstep_cli.demo_facilities import GEOJSON_PATH, write
    write(tmp_path / "again.geojson")
    assert (tmp_path / "again.geojson").read_text() == GEOJSON_PATH.read_text()
