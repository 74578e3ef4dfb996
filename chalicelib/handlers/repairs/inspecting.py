"""An officer records a repair's inspection with its written summary for the
tenant (POST /v1/staff/repairs/{id}/inspection): Awaab's Law's investigation
is then met, and its written summary, safety work and further work run from
it. Recorded once (a second is a conflict, as is a change racing it); the
tenant is told by the inspection's own event (telling.on_inspected)."""
from ... import validation
from ...errors import Conflict
from ..shared.events import new_event
from . import wording
from .closing import keep, open_repair
from .reporting import on_board
from .rules import of


def record(deps, repair_id, body):
    problems = validation.Problems({"summary": {"missing": wording.SUMMARY, "length": wording.SUMMARY}})
    summary = validation.text(body.get("summary") if isinstance(body, dict) else None, "summary", problems, 1, 2000)
    problems.raise_if_any()
    repair = open_repair(deps, repair_id)
    if repair.investigated_at is not None:
        raise Conflict(wording.ALREADY_INSPECTED, code="already_inspected")
    now = deps.clock()
    repair.investigated_at = repair.summary_at = repair.updated_at = now
    repair.summary = summary
    on_board(repair, of(deps))
    return keep(deps, repair, new_event(deps, "repair_inspected", now, repair_id=repair.id,
                                        by=deps.principal.user_id))
