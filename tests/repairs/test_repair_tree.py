"""The triage and repair tree as data: emergencies first, each to the phone;
then location, problem and issue to a repair with its code, trade, priority and
clocks; a tree that would leave a tenant at a dead end refused on load."""
import copy
import json

import pytest

from chalicelib.handlers.repairs import tree
from chalicelib.handlers.repairs.tree import TreeDataError


def document():
    return json.loads(tree.DATA.read_text())


def test_the_shipped_tree_passes_its_own_checks():
    assert tree.checked(document())


def test_a_smell_of_gas_goes_to_the_gas_emergency_page_and_number_before_anything_else():
    gas = tree.emergencies()[0]
    assert gas["id"] == "gas" and gas["phone"] == "0800 111 999" and gas["page"].startswith("https://")


def test_every_emergency_the_issue_lists_goes_to_the_phone():
    asked = {e["id"] for e in tree.emergencies()}
    assert asked == {"gas", "no_heating", "no_water", "no_power", "water_on_electrics", "insecure",
                     "exposed_wiring", "alarm_beeping"}
    assert all(e["phone"] and e["do_now"] for e in tree.emergencies())


def test_a_dripping_kitchen_tap_is_a_routine_plumbing_repair_with_the_councils_code():
    found = tree.repair("kitchen", "sink", "tap_dripping")
    assert (found.code, found.trade, found.priority) == ("CFG-PLB-TAP", "plumber", "routine")


def test_mould_in_a_bedroom_starts_the_damp_and_mould_clocks():
    assert tree.repair("bedroom", "damp_mould", "mould").damp_mould
    assert not tree.repair("kitchen", "sink", "pipe_leak").damp_mould


def test_answers_that_lead_nowhere_name_no_repair():
    assert tree.repair("kitchen", "toilet", "not_flushing") is None
    assert tree.repair("garage", "sink", "tap_dripping") is None


def test_the_screens_tree_carries_no_code_trade_or_priority():
    said = json.dumps(tree.questions())
    assert "CFG-" not in said and "plumber" not in said and "routine" not in said
    assert tree.questions()["locations"][0]["problems"][0]["issues"][0] == {"id": "tap_dripping",
                                                                            "label": "A tap is dripping"}


def renamed(document, old, new):
    """The tree with a repair called otherwise: a jurisdiction's list of qualifying repairs no longer finds it."""
    document["repairs"][new] = document["repairs"].pop(old)
    for place in document["locations"]:
        for problem in place["problems"]:
            for issue in problem["issues"]:
                issue["repair"] = new if issue["repair"] == old else issue["repair"]


@pytest.mark.parametrize("break_it", [
    lambda d: d["locations"][0]["problems"][0]["issues"][0].update(repair="no_such_repair"),
    lambda d: d["repairs"]["tap_dripping"].update(priority="whenever"),
    lambda d: d["repairs"]["tap_dripping"].update(trade="astronaut"),
    lambda d: renamed(d, "door_entry", "entry_phone"),
    lambda d: d["repairs"]["tap_dripping"].update(code=""),
    lambda d: d["emergencies"][1].update(call="nobody"),
    lambda d: d["locations"][0]["problems"].append(copy.deepcopy(d["locations"][0]["problems"][0])),
    lambda d: d["locations"][1]["problems"][0].update(issues=[]),
    lambda d: d["repairs"].update(unused={"code": "X", "trade": "plumber", "priority": "routine"}),
], ids=["unknown repair", "unknown priority", "unknown trade", "a qualifying repair it lacks", "no code", "unknown phone",
        "an id twice", "a dead end", "a repair nothing names"])
def test_a_broken_tree_is_refused_on_load(break_it):
    broken = document()
    break_it(broken)
    with pytest.raises(TreeDataError):
        tree.checked(broken)
