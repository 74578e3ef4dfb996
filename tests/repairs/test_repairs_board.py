"""Staff's repairs board: late, due today and at risk, read from the open
repairs at risk or past it only, never from every open repair. The clock is
pinned to Tuesday 29 December 2026 at 9am, after two bank holidays."""
from datetime import datetime, timedelta

from chalicelib.handlers.repairs.board import board
from chalicelib.handlers.repairs.reporting import on_board
from chalicelib.handlers.repairs.rules import Rules
from chalicelib.handlers.repairs.scheduler import LONDON
from chalicelib.storage import metering
from chalicelib.storage.records import Repair

NOW = datetime(2026, 12, 29, 9, 0, tzinfo=LONDON)


def repair(deps, n, aware_at, priority="routine", **extra):
    made = on_board(Repair(id=f"RP-{n:06d}", home="R0448105", address="1 Example Street", user_id="u_1",
                           location="kitchen", problem="sink", issue="tap_dripping", repair="tap_dripping",
                           code="CFG-PLB-TAP", trade="plumber", priority=priority, aware_at=aware_at,
                           created_at=aware_at, **extra), Rules("york", "england", deps.calendar))
    deps.repairs.create(made)
    return made


def test_the_board_shows_late_due_today_and_at_risk_and_reads_only_those(deps):
    on_time = [repair(deps, n, NOW - timedelta(days=1)) for n in range(40)]  # routine, 20 working days ahead
    late = repair(deps, 100, datetime(2026, 12, 17, 15, 0, tzinfo=LONDON), "urgent")  # due Thu 24th
    today = repair(deps, 101, datetime(2026, 12, 18, 11, 0, tzinfo=LONDON), "urgent")  # due today
    risky = repair(deps, 102, datetime(2026, 12, 21, 11, 0, tzinfo=LONDON), "urgent")  # due tomorrow
    emergency = repair(deps, 103, NOW - timedelta(hours=20), "emergency")  # 4 hours left
    with metering.metered() as meter:
        shown = board(deps.replace(clock=lambda: NOW))
    assert [r["id"] for r in shown["late"]] == [late.id]
    assert [r["id"] for r in shown["due_today"]] == [today.id]
    assert [r["id"] for r in shown["at_risk"]] == [emergency.id, risky.id]
    assert shown["read"] == 4 and meter.queries == 1 and meter.items == 4 and len(on_time) == 40


def test_a_cancelled_repair_leaves_the_board(deps):
    gone = repair(deps, 200, datetime(2026, 12, 17, 15, 0, tzinfo=LONDON), "urgent")
    gone.status, gone.board, gone.at_risk_at = "cancelled", None, None
    deps.repairs.changed(gone, gone.seq)
    assert board(deps.replace(clock=lambda: NOW))["read"] == 0


def test_a_qualifying_repair_is_at_risk_by_its_right_to_repair_day_before_its_priority(deps):
    aware = datetime(2026, 12, 23, 16, 0, tzinfo=LONDON)  # a leaking pipe: 1 working day, Thursday 24th
    leak = repair(deps, 300, aware, "urgent", right_to_repair_days=1)
    shown = board(deps.replace(clock=lambda: NOW))
    assert [r["id"] for r in shown["late"]] == [leak.id]
    assert shown["late"][0]["clocks"][0]["clock"] == "right_to_repair"
