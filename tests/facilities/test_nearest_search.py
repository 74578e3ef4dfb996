"""The search behind /v1/nearest: the per-cell counts it relies on follow
every import, and a type stored before those counts still gets exact answers."""
from chalicelib.geo.cells import encode
from chalicelib.storage.places.facilities import FacilityTypeModel, facility

from test_nearest import POINTS, TYPES, brute_force, york_facilities


def test_cell_counts_follow_facilities_that_move_or_change_type(deps):
    store = deps.facilities
    town, country = encode(-1.08, 53.96, 5), encode(-1.13, 53.99, 5)
    store.put_many([facility("a", "library", "A", -1.08, 53.96), facility("b", "library", "B", -1.13, 53.99)])
    assert store.type_cells("library") == (2, {town: 1, country: 1}) and town != country
    store.put_many([facility("b", "library", "B", -1.08, 53.961), facility("a", "toilet", "A", -1.08, 53.96)])
    assert store.type_cells("library") == (1, {town: 1})
    assert store.type_cells("toilet") == (1, {town: 1})
    assert store.type_cells("swimming_pool") == (0, {})


def test_a_type_stored_before_cell_counts_is_searched_by_rings_and_still_exact(deps):
    from chalicelib.handlers.places.facilities import search
    rows = york_facilities()
    deps.facilities.put_many(rows)
    for type_ in TYPES:
        FacilityTypeModel(type_).update(actions=[FacilityTypeModel.cells.remove()])
        assert deps.facilities.type_cells(type_)[1] is None
    # One more import counts only its own cells: still not a full map of the type.
    rows.append(facility("new-1", "library", "New", -1.05, 53.99))
    deps.facilities.put_many(rows[-1:])
    assert deps.facilities.type_cells("library")[1] is None
    for lat, lon in POINTS:
        found, complete = search(deps.facilities, "library", lon, lat, 5)
        assert complete and [f.id for _, f in found] == brute_force(rows, "library", lat, lon, 5)


def test_deleted_facilities_leave_their_cell_counts_and_nearest_answers(deps):
    from chalicelib.handlers.places.facilities import search
    rows = york_facilities()
    deps.facilities.put_many(rows)
    gone = [f.id for f in rows if f.type == "library"][::2]
    assert deps.facilities.delete_many(gone + ["no-such-id"]) == len(gone)
    left = [f for f in rows if f.id not in set(gone)]
    count, by_cell = deps.facilities.type_cells("library")
    assert count == sum(by_cell.values()) == sum(1 for f in left if f.type == "library")
    for lat, lon in POINTS:
        found, complete = search(deps.facilities, "library", lon, lat, 5)
        assert complete and [f.id for _, f in found] == brute_force(left, "library", lat, lon, 5)
