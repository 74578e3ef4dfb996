"""The sync asks the register only for the weekly lists that can hold
something new and the applications they show new or changed; it places
Idox's applications by their address; and when the register is away or
changes a page's shape, the last copy stands and staff are told."""
import pytest

from chalicelib.handlers.planning import sync
from support.planning_support import APPEALED, EXTENSION, FLATS, LISTED_BUILDING
from support.planning_support import council_clock, public_access, york_addresses  # noqa: F401 (fixtures)

# applications validated in the four weeks to the demo's Tuesday, or decided in them (two validated before)
IN_WINDOW = 9
LISTS = 8  # four weeks, validated and decided


@pytest.fixture
def synced(york_addresses, public_access, council_clock):
    deps = york_addresses.replace(clock=council_clock)
    first = sync.run(deps)
    public_access.calls.clear()
    return deps, first


def requests(public_access):
    return len(public_access.calls)


def test_a_first_sync_reads_four_weeks_of_lists_and_each_application_once_placed_at_its_address(synced):
    deps, first = synced
    # 8 lists (form + POST each, none past one page) + 9 applications x 3 tabs (summary, dates, its type)
    assert (first["lists"], first["new"], first["calls"]) == (LISTS, IN_WINDOW, 8 * 2 + IN_WINDOW * 3)
    assert first["unplaced"] == 0 and first["stopped"] is None
    kept = deps.planning.get("26-00412-ful")
    assert (kept["reference"], kept["address"], kept["validated"]) == ("26/00412/FUL", "3 Micklegate, York YO1 7HH",
                                                                        "2026-11-20")
    assert (kept["lat"], kept["lon"]) == (53.95591, -1.088633)  # 3 Micklegate in the gazetteer, not its postcode's middle


def test_a_sync_with_nothing_new_asks_the_register_nothing(synced, public_access, council_clock):
    deps, _ = synced
    council_clock.advance(hours=1)
    again = sync.run(deps)
    assert (again["calls"], again["lists"], again["new"], again["changed"]) == (0, 0, 0, 0)
    assert requests(public_access) == 0


def test_a_new_day_asks_only_this_weeks_two_lists_and_the_one_new_application(synced, public_access, council_clock):
    deps, _ = synced
    council_clock.advance(days=2)  # Thursday: 26/00444/FUL validated today
    again = sync.run(deps)
    assert (again["lists"], again["new"], again["changed"]) == (2, 1, 0)
    assert again["calls"] == 2 * 2 + 3 == requests(public_access)
    assert deps.planning.get("26-00444-ful")["address"] == "3 Holgate Road, York YO24 4QH"


def test_a_decision_is_read_from_this_weeks_decided_list_and_only_that_application_asked_again(
        synced, public_access, council_clock):
    deps, _ = synced
    council_clock.advance(hours=7)
    public_access.decide(LISTED_BUILDING, "Approved")
    public_access.decide(FLATS, "Refused")  # validated before the window: new to us, from the decided list
    again = sync.run(deps)
    assert (again["lists"], again["new"], again["changed"]) == (2, 1, 1)
    asked = [c[2].get("keyVal") for c in public_access.calls if c[1].endswith("applicationDetails.do")]
    assert sorted(asked) == [FLATS] * 3 + [LISTED_BUILDING] * 2  # the new one's type asked once, with it
    kept = deps.planning.get("26-00418-lbc")
    assert (kept["decision"], kept["decided"], kept["status"]) == ("Approved", "2026-11-24", "Decided")
    assert deps.planning.get("26-00355-ful")["decision"] == "Refused"


def test_a_register_that_is_down_is_asked_once_and_the_last_copy_stands_with_its_age(
        synced, public_access, council_clock):
    deps, first = synced
    council_clock.advance(days=1)
    public_access.down = True
    again = sync.run(deps)
    assert again["stopped"] == "unreachable" and again["calls"] == 1
    assert deps.planning.get("26-00397-ful")["decision"] == "Refused"
    health, _ = deps.planning.state("health")
    assert health["last_complete_at"] == first["at"] and health["warnings"][0]["detail"] == "HTTP 503"


def test_a_changed_page_shape_is_a_warning_and_loses_nothing(synced, public_access, council_clock):
    deps, _ = synced
    council_clock.advance(hours=7)
    public_access.decide(EXTENSION, "Approved")
    public_access.changed = True  # the details tables in a redesign's shape
    again = sync.run(deps)
    assert again["stopped"] is None and again["changed"] == 0
    assert again["warnings"][0]["kind"] == "changed"
    kept = deps.planning.get("26-00412-ful")
    assert (kept["decision"], kept["proposal"]) == ("", "Single storey rear extension and new rooflight")
    public_access.changed = False  # the next run reads the list again, and the decision
    council_clock.advance(minutes=15)
    later = sync.run(deps)
    assert later["changed"] == 1 and deps.planning.get("26-00412-ful")["decision"] == "Approved"
    assert APPEALED  # the appealed one was never asked again


def test_the_lists_read_are_kept_only_for_the_weeks_a_run_still_asks(synced, council_clock):
    deps, _ = synced
    council_clock.advance(weeks=2)
    sync.run(deps)
    lists, _ = deps.planning.state("lists")
    assert sorted({name.split("#")[1] for name in lists}) == ["2026-11-16", "2026-11-23", "2026-11-30",
                                                              "2026-12-07"]


def test_a_summary_without_its_status_is_a_warning_for_staff_and_the_last_copy_stands(
        synced, public_access, council_clock):
    deps, _ = synced
    council_clock.advance(hours=7)
    public_access.decide(EXTENSION, "Approved")  # this week's decided list shows it: asked again
    public_access.without = {"Status"}  # and its summary comes without the Status row
    again = sync.run(deps)
    kept = deps.planning.get("26-00412-ful")
    assert (kept["status"], kept["decision"]) == ("Awaiting decision", "")  # the last good copy, not overwritten
    assert (again["changed"], again["stopped"]) == (0, None)
    assert again["calls"] == 2 * 2 + 1  # this week's two lists and the summary: its other tabs cannot mend it
    warning = deps.planning.state("health")[0]["warnings"][0]
    assert {k: warning[k] for k in ("what", "kind", "missing")} == {
        "what": "application 26/00412/FUL", "kind": "incomplete", "missing": ["status"]}
    public_access.without = set()  # the register mends its page: the next run reads the list and the decision
    council_clock.advance(minutes=15)
    later = sync.run(deps)
    assert later["changed"] == 1
    assert (deps.planning.get("26-00412-ful")["status"], deps.planning.get("26-00412-ful")["decision"]) == (
        "Decided", "Approved")
