"""An officer records a repair's inspection with its written summary for the
tenant (POST /v1/staff/repairs/{id}/inspection): Awaab's Law's investigation
is then met, and its written summary, safety work and further work run from
it. Recorded once (a second is a conflict, as is a change racing it); the
tenant is told by the inspection's own event (telling.on_inspected)."""
from ... import validation
from ...errors import Conflict, NotFound
from ...storage.errors import EditConflict
from ..shared.events import new_event
from . import wording
from .reporting import on_board, view


def record(deps, repair_id, body):
    import re
    repair = deps.repairs.get(repair_id) if isinstance(repair_id, str) and re.match(r"^RP-[0-9A-Z]{6}$", repair_id) \
        else None
    if repair is None:
        raise NotFound(wording.NO_SUCH_REPAIR, code="repair_not_found")
    problems = validation.Problems({"summary": {"missing": wording.SUMMARY, "length": wording.SUMMARY}})
    summary = validation.text(body.get("summary") if isinstance(body, dict) else None, "summary", problems, 1, 2000)
    problems.raise_if_any()
    if repair.investigated_at is not None:
        raise Conflict(wording.ALREADY_INSPECTED, code="already_inspected")
    if repair.status in ("cancelled", "done"):
        raise Conflict(wording.CLOSED, code="repair_closed")
    now = deps.clock()
    repair.investigated_at = repair.summary_at = repair.updated_at = now
    repair.summary = summary
    on_board(repair)
    event = new_event(deps, "repair_inspected", now, repair_id=repair.id, by=deps.principal.user_id)
    try:
        kept = deps.repairs.changed(repair, repair.seq, event)
    except EditConflict:
        raise Conflict(wording.CHANGED, code="repair_changed") from None
    from ..shared.effects import first_try
    first_try(deps, [event])
    return view(kept, now)
