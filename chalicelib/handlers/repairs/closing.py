"""The repairs desk's Right to Repair steps and a repair closed: a second
contractor sent once the first's period has run out (the board proposes it),
and the repair done with what was done. Done after the second contractor's
period, the compensation the regulations set is fixed then, once, in pence:
the close is conditional on the repair as read, so it happens once. A team's
job still open is ended in the close's own transaction ("withdrawn", closed by
the office), so the crew app no longer lists it and an operative's Done after
the close is refused by the job (409), never a second close."""
import re

from ... import validation
from ...errors import Conflict, NotFound
from ...storage.errors import EditConflict
from ..crews.assigning import end
from ..shared.events import new_event
from . import telling, wording
from .reporting import REPAIR_ID, on_board, view
from .rules import of


def open_repair(deps, repair_id):
    """A repair still open, for staff (any repair on the desk); 404 or 409 otherwise."""
    repair = deps.repairs.get(repair_id) if isinstance(repair_id, str) and re.match(REPAIR_ID, repair_id) else None
    if repair is None:
        raise NotFound(wording.NO_SUCH_REPAIR, code="repair_not_found")
    if repair.status in ("cancelled", "done"):
        raise Conflict(wording.CLOSED, code="repair_closed")
    return repair


def keep(deps, repair, event=None, jobs=()):
    """The repair saved under the seq it was read at (with its jobs), its event tried at once; 409 when raced."""
    try:
        kept = deps.repairs.changed(repair, repair.seq, event, jobs=jobs)
    except EditConflict:
        raise Conflict(wording.CHANGED, code="repair_changed") from None
    if event is not None:
        from ..shared.effects import first_try
        first_try(deps, [event])
    # Staff's answer: the tenant's access notes show only on the page read with a reason (desk/staffing.page).
    return {**view(kept, deps.clock(), of(deps)), "access": None}


def second_contractor(deps, repair_id):
    repair, now = open_repair(deps, repair_id), deps.clock()
    if not repair.right_to_repair_days:
        raise Conflict(wording.NOT_QUALIFYING, code="not_qualifying")
    if repair.second_contractor_at is not None:
        raise Conflict(wording.SECOND_ALREADY, code="second_contractor_sent")
    if now < telling.first_period(repair, of(deps)).due:
        raise Conflict(wording.FIRST_NOT_LATE, code="first_period_running")
    repair.second_contractor_at = repair.updated_at = now
    return keep(deps, on_board(repair, of(deps)))


def done(deps, repair_id, body):
    problems = validation.Problems({"what": {"missing": wording.DONE_WHAT, "length": wording.DONE_WHAT}})
    what = validation.text(body.get("what") if isinstance(body, dict) else None, "what", problems, 1, 500)
    problems.raise_if_any()
    repair, now = open_repair(deps, repair_id), deps.clock()
    job = deps.jobs.get(repair.job_id) if repair.job_id else None
    # The crew's own Done reaches here with its job ended already; the office's close ends it now.
    jobs = [end(job, "withdrawn", wording.CLOSED_BY_OFFICE, now)] if job is not None and job.open else []
    repair.status, repair.done_at, repair.updated_at, repair.done_what = "done", now, now, what
    # Owed once: fixed here, on a close conditional on the repair as read (England's after a second contractor
    # is late too; Scotland's from the first period's end, without a claim).
    repair.compensation = telling.compensation(repair, of(deps), now) or None
    repair.board = repair.at_risk_at = None
    return keep(deps, repair, new_event(deps, "repair_done", now, repair_id=repair.id,
                                         compensation=repair.compensation or 0), jobs=jobs)
