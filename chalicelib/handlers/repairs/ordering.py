"""A reported repair's order at the contractor's scheduler: the effect of its
`repair_reported` event, claimed once (handlers/shared/effects.py) and tried
again while the scheduler cannot be reached, so a repair is always taken and
its order placed when the scheduler answers. An order is ours first: its
reference is the repair's, so a try that died after the scheduler took it
finds it (`order`) instead of placing a second."""
from ...stamps import stamp
from ..shared.events import new_event
from .rules import of
from .scheduler import Order, SchedulerError


def configured(deps):
    """deps.scheduler, else the one the council's settings name (None: it has none)."""
    if deps.scheduler is not None:
        return deps.scheduler
    from ...councils.backoffices import adapter
    return adapter(deps, "scheduler", _drs)


def _drs(options):
    from .drs.adapter import from_options
    return from_options(options)


def order_of(repair, rules):
    from . import telling
    first = telling.deadlines(repair, rules)[0]
    # A shared part's repair is the block's (its address is), so the contractor is sent to the block, not the flat.
    return Order(reference=repair.id, location=repair.block or repair.home, code=repair.code,
                 priority=repair.priority, target=first.due)


EFFECT = "repairs.order"


def on_reported(deps, event, key):
    repair = deps.repairs.get(event.payload["repair_id"])
    if repair is None or repair.order is not None:
        return
    _, tried = deps.effects.status(event.id, EFFECT)
    place(deps, repair, late=tried > 0)


def place(deps, repair, late=False):
    """The order placed (or found, placed by an earlier try) and kept on the
    repair. SchedulerError when the scheduler cannot take it now: the effect
    is tried again; none configured is the same, until one is. `late`: an
    earlier try failed, so the tenant left without a time to choose; the
    order's event then tells them they can (telling.on_ordered)."""
    scheduler = configured(deps)
    if scheduler is None:
        raise SchedulerError("unreachable", "no scheduler configured")
    order = order_of(repair, of(deps))
    try:
        booking_id = scheduler.create(order)
    except SchedulerError as e:
        # Refused (it holds that number already) or a fault (it may have taken the order before failing):
        # the order under our own number, if the scheduler has one; none, and the repair waits for the retry.
        held = scheduler.order(order.reference) if e.kind in ("refused", "fault") else None
        if held is None:
            raise
        booking_id = held.booking_id
    now = deps.clock()
    repair.order, repair.updated_at = {"booking_id": booking_id, "at": stamp(now)}, now
    event = new_event(deps, "repair_ordered", now, repair_id=repair.id) if late else None
    kept = deps.repairs.changed(repair, repair.seq, event)
    if event is not None:
        from ..shared.effects import first_try
        first_try(deps, [event])
    return kept
