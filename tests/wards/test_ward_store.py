"""WardStore: the ward at a point, by index, at a cost that does not grow
with the number of wards stored."""
from chalicelib.storage import metering

from support.wards_support import grid, ward


def cost(fn):
    with metering.metered() as meter:
        result = fn()
    return result, meter


def test_the_ward_at_a_point_is_found_and_read_back_whole(deps):
    deps.wards.put_many([ward("a", -1.10, 53.95, councillors=[{"name": "Ann", "party": "Green",
                                                               "email": "ann@example.org"}]),
                         ward("b", -1.09, 53.95)])
    found = deps.wards.at_point(-1.095, 53.955)
    assert found.id == "a" and found.name == "A" and found.bbox == (-1.10, 53.95, -1.09, 53.96)
    assert found.geometry["type"] == "Polygon"
    assert found.councillors == [{"name": "Ann", "party": "Green", "email": "ann@example.org"}]
    assert deps.wards.at_point(-1.085, 53.955).id == "b"
    assert deps.wards.get("b").name == "B" and deps.wards.get("nope") is None


def test_outside_every_ward_there_is_no_ward(deps):
    deps.wards.put_many([ward("a", -1.10, 53.95)])
    assert deps.wards.at_point(-1.105, 53.955) is None  # same cell, outside the bbox
    assert deps.wards.at_point(0.0, 51.5) is None  # nothing indexed there at all


def test_on_a_shared_boundary_the_lowest_ward_id_answers(deps):
    deps.wards.put_many([ward("z-east", -1.09, 53.95), ward("a-west", -1.10, 53.95)])
    assert deps.wards.at_point(-1.09, 53.955).id == "a-west"
    assert deps.wards.at_point(-1.09 + 1e-6, 53.955).id == "z-east"


def test_a_moved_boundary_leaves_no_index_rows_behind(deps):
    from chalicelib.storage.places.wards import WardCellModel, index_cells
    deps.wards.put_many([ward("a", -1.10, 53.95)])
    deps.wards.put_many([ward("a", 0.10, 51.50)])
    assert deps.wards.at_point(-1.095, 53.955) is None
    assert deps.wards.at_point(0.105, 51.505).id == "a"
    assert {row.cell for row in WardCellModel.scan()} == set(index_cells((0.10, 51.50, 0.11, 51.51)))


def test_new_boundaries_without_councillors_keep_the_stored_ones(deps):
    people = [{"name": "Ann", "party": "Green", "email": "ann@example.org"}]
    deps.wards.put_many([ward("a", -1.10, 53.95, councillors=people)])
    kept = ward("a", -1.10, 53.95, name="A renamed")
    kept.councillors = None
    deps.wards.put_many([kept])
    assert deps.wards.get("a").councillors == people and deps.wards.get("a").name == "A renamed"
    assert deps.wards.set_councillors("a", []) and deps.wards.get("a").councillors == []
    assert deps.wards.set_councillors("missing", people) is False and deps.wards.get("missing") is None


def test_a_point_lookup_reads_the_same_few_items_with_20_or_400_wards(deps):
    point = (-1.1255, 53.905)
    deps.wards.put_many(grid(20, w=-1.16, s=53.90))
    found, few = cost(lambda: deps.wards.at_point(*point))
    assert found.id == "g003"
    # 380 more wards elsewhere in the council: the lookup does not notice them.
    deps.wards.put_many(grid(380, w=-1.00, s=53.95, prefix="far"))
    again, many = cost(lambda: deps.wards.at_point(*point))
    assert again.id == "g003" and len(deps.wards.all()) == 400
    assert (many.queries, many.items) == (few.queries, few.items)
    assert many.operations == ["Query", "BatchGetItem"]


def test_in_a_dense_grid_of_400_wards_a_lookup_reads_one_cell_of_them(deps):
    # Wards of 0.02 x 0.02 degrees (1.3 x 2.2 km), smaller than York's: a
    # precision-5 cell (0.044 degrees square) meets at most 4 x 4 of them.
    deps.wards.put_many(grid(400, w=-1.25, s=53.85, size=0.02))
    found, meter = cost(lambda: deps.wards.at_point(-1.0795, 53.9605))
    assert found.id == "g108"
    assert meter.queries == 1 and meter.items <= 16 + 4


def test_index_cells_hold_every_corner_and_edge_point_of_the_bbox():
    from chalicelib.geo.cells import cell_bounds, encode
    from chalicelib.storage.places.wards import CELL_PRECISION, index_cells
    w, s, e, n = bbox = (-1.1, 53.9, -1.0, 54.0)
    indexed = set(index_cells(bbox))
    for lon in (w, (w + e) / 2, e):
        for lat in (s, (s + n) / 2, n):
            assert encode(lon, lat, CELL_PRECISION) in indexed
    for cell in indexed:  # and no cell the bbox does not reach
        cw, cs, ce, cn = cell_bounds(cell)
        assert cw <= e and ce >= w and cs <= n and cn >= s
