"""The allocation run as a pure function: equal preference, each school's criteria in order, distance,
and a recorded draw that alone breaks a tie the criteria and distance leave; the same inputs and seed
make the same offers. Scenarios chosen so that first-preferences-first, a date order or a missing draw
gives another answer."""
from chalicelib.handlers.schools.allocation import allocate, draw
from support.schools_support import application, school

NEAR, FAR = (-1.0800, 53.9600), (-1.0800, 53.9900)  # the schools are at lat 53.96


def offered(result):
    return {app_id: offer["school_id"] for app_id, offer in result["offers"].items()}


def test_equal_preference_gives_a_nearer_child_the_place_though_it_was_their_second_choice():
    # Oak has one place. Ann (near) put it second, after Elm, which is full of nearer children; Ben (far)
    # put Oak first. Equal preference ranks both by Oak's own criteria: Ann is nearer, so Ann gets Oak.
    # First-preferences-first would give Oak to Ben.
    schools = [school("oak", 1, -1.0800, 53.9600), school("elm", 1, -1.0750, 53.9600)]
    apps = [application("ann", -1.0790, 53.9600, "elm", "oak"),
            application("cat", -1.0751, 53.9600, "elm"),  # nearest to Elm: takes its one place
            application("ben", -1.0800, 53.9900, "oak")]
    result = allocate(schools, apps, "seed", "primary", "reception", allocate_unplaced=False)
    assert offered(result) == {"ann": "oak", "cat": "elm", "ben": None}
    assert result["offers"]["ann"]["preference"] == 2
    assert [w["school_id"] for w in result["offers"]["ann"]["waiting"]] == ["elm"]  # waiting for the one she preferred
    assert [w["school_id"] for w in result["offers"]["ben"]["waiting"]] == ["oak"]


def test_a_looked_after_child_comes_first_whatever_the_distance_and_the_rule_order_counts_before_distance():
    schools = [school("oak", 2, -1.0800, 53.9600)]
    apps = [application("far", *FAR, "oak", looked_after={"authority": "Leeds City Council"}),
            application("near", *NEAR, "oak"),
            application("sib", -1.0800, 53.9800, "oak")]
    apps[2]["preferences"][0]["sibling"] = {"name": "Tom", "year_group": "year_2"}
    result = allocate(schools, apps, "seed", "primary", "reception", allocate_unplaced=False)
    assert offered(result) == {"far": "oak", "sib": "oak", "near": None}


def test_a_tie_at_the_same_distance_is_broken_by_the_recorded_draw_and_the_same_seed_breaks_it_the_same_way():
    # Twins' neighbours: two homes at the same point, one place. Only the draw can decide.
    schools = [school("oak", 1, -1.0800, 53.9600)]
    apps = [application("aaa", -1.0790, 53.9600, "oak"), application("zzz", -1.0790, 53.9600, "oak")]
    seeds = {}
    for seed in ("first draw", "second draw", "third draw", "fourth draw"):
        winner = next(a for a, s in offered(allocate(schools, apps, seed, "primary", "reception", False)).items() if s)
        assert winner == min(("aaa", "zzz"), key=lambda a: draw(seed, a))  # the lower draw wins, not the id
        seeds[seed] = winner
        again = allocate(schools, list(reversed(apps)), seed, "primary", "reception", False)
        assert offered(again)[winner] == "oak"  # the same seed, inputs in another order: the same offer
    assert set(seeds.values()) == {"aaa", "zzz"}  # the draw, not the order given or the id, decides


def test_a_child_no_preference_could_take_is_allocated_the_nearest_school_with_room():
    schools = [school("oak", 1, -1.0800, 53.9600), school("ash", 5, -1.0700, 53.9600),
               school("yew", 5, -1.0000, 53.9600)]
    apps = [application("ann", -1.0800, 53.9601, "oak"), application("ben", -1.0800, 53.9610, "oak")]
    result = allocate(schools, apps, "seed", "primary", "reception")
    assert result["offers"]["ben"] | {"waiting": []} == {
        "user_id": "u-ben", "school_id": "ash", "preference": None, "allocated": True,
        "distance_m": result["offers"]["ben"]["distance_m"], "waiting": []}
    assert result["counts"] == {"applications": 2, "first": 1, "other_preference": 0, "allocated": 1, "none": 0}


def test_a_waiting_list_is_in_the_schools_criteria_order_not_the_order_children_applied():
    schools = [school("oak", 1, -1.0800, 53.9600), school("ash", 9, -1.0500, 53.9600)]
    apps = [application("a1", -1.0800, 53.9601, "oak", "ash"),  # takes Oak
            application("a2", -1.0800, 53.9700, "oak", "ash"),  # applied before a3, lives further
            application("a3", -1.0800, 53.9650, "oak", "ash")]
    result = allocate(schools, apps, "seed", "primary", "reception")
    oak = sorted((key, app_id) for school_id, key, app_id in result["waits"] if school_id == "oak")
    assert [app_id for _, app_id in oak] == ["a3", "a2"]
