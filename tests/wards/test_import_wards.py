"""`doorstep import wards` and `doorstep import councillors`: a council loads
its ward boundaries and who represents them."""
from conftest import geojson_file
from support.wards_support import square

ANN = {"name": "Ann Calder", "party": "Green", "email": "cllr.ann.calder@example.org"}


def feature(props, geometry=None, fid=None):
    f = {"type": "Feature", "properties": props, "geometry": geometry or square(-1.10, 53.95, 0.01)}
    if fid is not None:
        f["id"] = fid
    return f


def csv_file(tmp_path, text):
    path = tmp_path / "councillors.csv"
    path.write_text("ward_id,name,party,email,phone,surgery\n" + text)
    return str(path)


GOOD = [
    feature({"name": "Micklegate", "councillors": [ANN]}, fid="E05014121"),
    feature({"code": "E05014122", "name": "Guildhall"}, {"type": "MultiPolygon", "coordinates": [
        square(-1.09, 53.95, 0.01)["coordinates"], square(-1.07, 53.95, 0.005)["coordinates"]]}),
    feature({"id": 17, "name": "Heworth"}, square(-1.08, 53.96, 0.01)),
]


def test_a_good_wards_file_is_imported_with_ids_from_id_or_code(doorstep, deps, tmp_path, capsys):
    assert doorstep("import", "wards", geojson_file(tmp_path, GOOD)) == 0
    assert "3 wards imported" in capsys.readouterr().out
    assert deps.wards.get("E05014121").councillors == [ANN]
    assert deps.wards.get("E05014122").geometry["type"] == "MultiPolygon"
    assert deps.wards.at_point(-1.0675, 53.9525).name == "Guildhall"  # its second part
    assert deps.wards.at_point(-1.075, 53.965).id == "17"


def test_reimported_boundaries_keep_councillors_the_file_does_not_give(doorstep, deps, tmp_path):
    doorstep("import", "wards", geojson_file(tmp_path, GOOD))
    moved = [feature({"name": "Micklegate Ward"}, square(-1.11, 53.95, 0.01), fid="E05014121")]
    assert doorstep("import", "wards", geojson_file(tmp_path, moved)) == 0
    ward = deps.wards.get("E05014121")
    assert ward.name == "Micklegate Ward" and ward.councillors == [ANN] and ward.bbox[0] == -1.11
    assert len(deps.wards.all()) == 3


BAD = [
    feature({"name": "No id"}),
    feature({"name": ""}, fid="w2"),
    feature({"name": "A line"}, {"type": "LineString", "coordinates": [[-1.1, 53.9], [-1.0, 53.9]]}, fid="w3"),
    feature({"name": "Open ring"}, {"type": "Polygon", "coordinates": [[[-1.1, 53.9], [-1.0, 53.9],
                                                                        [-1.0, 54.0], [-1.1, 54.0]]]}, fid="w4"),
    feature({"name": "Swapped"}, square(53.95, -1.10, 0.01), fid="w5"),
    feature({"name": "Bad councillor", "councillors": [{"name": "Zed", "party": "Green", "email": "zed"}]},
            fid="w6"),
    feature({"name": "Twice"}, fid="E05014121"),
]


def test_a_bad_feature_stops_the_import_and_every_bad_feature_is_listed(doorstep, deps, tmp_path, capsys):
    assert doorstep("import", "wards", geojson_file(tmp_path, GOOD + BAD)) == 1
    out = capsys.readouterr().out
    assert "feature 4: id is missing" in out
    assert "feature 5 (id 'w2'): name is missing" in out
    assert "feature 6 (id 'w3'): geometry must be a Polygon or MultiPolygon" in out
    assert "feature 7 (id 'w4'): polygon 1 ring 1: not closed" in out
    assert "feature 8 (id 'w5'): the boundary lies outside the service area" in out
    assert "feature 9 (id 'w6'): councillor 1: email is not an email address" in out
    assert "feature 10 (id 'E05014121'): id 'E05014121' repeats feature 1" in out
    assert "7 bad feature(s): nothing imported" in out
    assert deps.wards.all() == []


def test_skip_invalid_imports_the_good_wards(doorstep, deps, tmp_path, capsys):
    assert doorstep("import", "wards", "--skip-invalid", geojson_file(tmp_path, BAD[:2] + GOOD)) == 0
    assert "3 wards imported; 2 bad feature(s) skipped" in capsys.readouterr().out
    assert len(deps.wards.all()) == 3


def test_a_file_that_is_no_feature_collection_is_refused(doorstep, tmp_path, capsys):
    path = tmp_path / "wards.geojson"
    path.write_text('{"type": "Feature"}')
    assert doorstep("import", "wards", str(path)) == 1
    assert "not a GeoJSON FeatureCollection" in capsys.readouterr().err


COUNCILLORS = ("E05014121,Ben Ossett,Independent,cllr.ben.ossett@example.org,01632 960222,Tuesdays 6pm\n"
               "E05014121,Cat Norland,Labour,cllr.cat.norland@example.org,,\n"
               "17,Dev Malham,Green,cllr.dev.malham@example.org,,\n")


def test_a_councillors_file_replaces_the_named_wards_lists_only(doorstep, deps, tmp_path, capsys):
    doorstep("import", "wards", geojson_file(tmp_path, GOOD))
    assert doorstep("import", "councillors", csv_file(tmp_path, COUNCILLORS)) == 0
    assert "3 councillors imported" in capsys.readouterr().out
    assert deps.wards.get("E05014121").councillors == [
        {"name": "Ben Ossett", "party": "Independent", "email": "cllr.ben.ossett@example.org",
         "phone": "01632 960222", "surgery": "Tuesdays 6pm"},
        {"name": "Cat Norland", "party": "Labour", "email": "cllr.cat.norland@example.org"}]
    assert [c["name"] for c in deps.wards.get("17").councillors] == ["Dev Malham"]
    assert deps.wards.get("E05014122").councillors == []


def test_bad_councillor_rows_stop_the_import_and_are_listed_by_line(doorstep, deps, tmp_path, capsys):
    doorstep("import", "wards", geojson_file(tmp_path, GOOD))
    bad = ("nowhere,Eve Skelton,Green,eve@example.org,,\n"
           "17,,Green,not-an-address,,\n"
           "17,Fay Thirsk,Labour,fay@example.org,call me,\n")
    assert doorstep("import", "councillors", csv_file(tmp_path, COUNCILLORS + bad)) == 1
    out = capsys.readouterr().out
    assert "line 5: ward 'nowhere' is not known (import the wards first)" in out
    assert "line 6: name is required; email is not an email address" in out
    assert "line 7: phone is not a phone number" in out
    assert deps.wards.get("E05014121").councillors == [ANN]
    assert doorstep("import", "councillors", "--skip-invalid", csv_file(tmp_path, COUNCILLORS + bad)) == 0
    assert "3 councillors imported; 3 bad row(s) skipped" in capsys.readouterr().out
    assert len(deps.wards.get("E05014121").councillors) == 2


def test_a_councillors_file_without_the_needed_columns_is_refused(doorstep, tmp_path, capsys):
    path = tmp_path / "councillors.csv"
    path.write_text("ward,name\nx,y\n")
    assert doorstep("import", "councillors", str(path)) == 1
    assert "the header lacks ward_id, party, email" in capsys.readouterr().err


def test_a_boundary_too_big_for_one_item_is_refused_with_a_reason(deps):
    import random
    from doorstep_cli.wards import check_feature
    rng = random.Random(1)
    ring = [[rng.uniform(-1.2, -1.0), rng.uniform(53.9, 54.0)] for _ in range(22_000)]
    ward, reason = check_feature(feature({"name": "Huge"}, {"type": "Polygon", "coordinates": [ring + [ring[0]]]},
                                         fid="huge"), deps.area)
    assert ward is None and "simplify it" in reason
