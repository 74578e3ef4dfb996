"""Repairs to council homes past their council's period after they closed (done or cancelled): anonymised,
once (the LGA's six years after completion by default, storage/data_map.KEPT_AS_A_REPAIR).

What stays is the home's record and the figures: the home and its address (the property, which later
tenants read the history of), the block, the tree's category (location, problem, issue, repair, code,
trade), the priority, every date and clock, the status, the Right to Repair's period and compensation,
damp and mould, the order and appointment at the scheduler, the team, the "me too" count. What goes is
the tenant: their contact (name, phone), access notes and needs, their account (the repair's user key an
opaque one of its own, off their list, as their own erasure makes it: storage/repairs/repairs.forget_user),
the words they and officers wrote (description, the inspection's summary, what was done, why the priority
changed, in the audit too; the comment of their "how did it go?" answer, its rating kept), the photos
(their files in S3 first), and the neighbours' "me too"s (who, not how many). The block's copy of it (repair-communal) follows in the repair's own write.

Each step is idempotent and the repair's own write comes last, conditional on the `seq` it read, which
takes it off the due index in the same write (its `retained`): a sweep killed part way finds it still due
and does it all again; one that ran finds nothing; one raced by a change (a follow-on from the desk) is
kept for the next run, which reads it again."""
from ...storage.blobs import PHOTO_PREFIX
from ...storage.errors import EditConflict
from . import wording as words

REASON = "reason"  # a priority change's reason in its audit entry (handlers/repairs/desk/staffing.py)


def is_due(repair, cut_off):
    return (repair is not None and not repair.retained and not repair.hold and repair.status in ("done", "cancelled")
            and repair.closed_at is not None and repair.closed_at < cut_off)


def anonymise(deps, repair_id, cut_off, now, by="schedule"):
    """"anonymised", or "kept" (not due when read again: reopened, held, anonymised already, or changed
    as it was written)."""
    repair = deps.repairs.get(repair_id)
    if not is_due(repair, cut_off) or not deps.repairs.begin_retaining(repair, now):
        return "kept"  # a hold saved since the read is kept whole; one saved after this is refused
    from ...faults import boundary
    for photo in repair.photos or []:
        deps.blobs.delete(PHOTO_PREFIX + photo["name"])  # gone already: no error in S3
    boundary("retention.repair_photos_deleted")
    deps.audit.forget_words(repair.id, REASON, words.REASON_REMOVED)
    deps.questionnaires.forget_comment(repair.id)  # "how did it go?": the rating stays, their words go
    if repair.block:
        deps.communal.forget_supporters(repair.id)
    boundary("retention.repair_forgotten")  # its photos, audit words and "me too"s gone; the repair not yet written
    repair.contact, repair.access, repair.user_id, repair.photos = {}, {}, f"erased#{repair.id}", []
    repair.description, repair.summary, repair.done_what, repair.priority_reason = "", None, None, None
    repair.retained = {"then": "anonymise", "at": now.isoformat(), "by": by}
    try:
        deps.repairs.changed(repair, repair.seq)
    except EditConflict:
        return "kept"
    return "anonymised"
