"""The due index (`retention`) every kind of record the retention sweep acts on carries
(docs/decisions/retention.md).

When the event a record's retention runs from happens (a report closed, an account used), the record
is given `retain` (the kind: "reports") and `retain_from` (the event's moment, UTC, sortable), written by its
store with the record itself. The index is sparse: partition = the council and the kind, sort =
the moment; the sweep Queries `retain_from < the cut-off` and reads what is due, never the table, and the
write that anonymises or deletes a record takes its `retain` away, so it is never read again. A record on
a legal hold sits in the partition HELD instead (off the sweep's partitions, and listed from there),
its moment kept: released, its clock resumes from the event.

The partition key is a CouncilKey, so `york|reports` and `york-north|reports` are two partitions."""
from pynamodb.attributes import UnicodeAttribute
from pynamodb.indexes import GlobalSecondaryIndex, KeysOnlyProjection

from .council_key import CouncilKey

HELD = "held"
INDEX = "retention"


def due_index():
    """A model's own due index (each model needs its own index class: PynamoDB binds it to the model)."""
    class DueIndex(GlobalSecondaryIndex):
        class Meta:
            index_name = INDEX
            projection = KeysOnlyProjection()

        retain = CouncilKey(hash_key=True)
        retain_from = UnicodeAttribute(range_key=True)
    return DueIndex()


def moment(at):
    """A moment as the index sorts it: UTC, to the microsecond, "2026-03-10T23:30:00.000000Z"."""
    from datetime import timezone
    return at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse(text):
    from datetime import datetime, timezone
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)


def page(index, partition, before, limit, start=None):
    """([(table key values, event moment)], the cursor of the page after or None): up to `limit` of the
    partition's records whose moment is before `before`, oldest first; one Query."""
    from .binding import page_key, start_key
    model = index._model
    key = model._hash_key_attribute().attr_name
    found = index.query(partition, model.retain_from < moment(before), limit=limit, page_size=limit,
                        last_evaluated_key=start_key(model, start))
    rows = [(getattr(row, key), parse(row.retain_from)) for row in found]
    return rows, page_key(model, found.last_evaluated_key) if len(rows) == limit else None


def count(index, partition, before):
    """How many of the partition's records are due before `before`: a Query that counts (Select COUNT),
    reading the due keys alone."""
    model = index._model
    return index.count(partition, model.retain_from < moment(before))


def hold(model, key, partition, held, also=None):
    """A record on the kind's `partition` moved to the held one with its hold ({reason, by, at}), its moment
    kept, in one conditioned UpdateItem (for the kinds whose writes are updates: chats, payments). False
    when it is not on the partition (not closed or finished yet, anonymised or deleted, held already) or
    fails `also` (a condition of the kind's: a chat's erasure not begun)."""
    condition = (model.retain == partition) & model.hold.does_not_exist()
    return moved(model, key, [model.hold.set(held), model.retain.set(HELD)],
                 condition if also is None else condition & also)


def release(model, key, partition, line):
    """`hold`'s undoing: back on the kind's partition from its own moment, with the audit's `line` (who lifted
    it, and the hold it lifted: the record keeps no trace of it after). False when it was not held."""
    return moved(model, key, [model.hold.remove(), model.retain.set(partition)],
                  (model.retain == HELD) & model.hold.exists(), line)


def moved(model, key, actions, condition, line=None):
    """The update, and `line` (an AuditEntry) in its transaction when given: no release without its line."""
    from .binding import transaction, writes
    from .errors import EditConflict
    try:
        if line is None:
            with writes(["held"]):
                model(key).update(actions=actions, condition=condition)
        else:
            from .staff.audit import AuditModel, audit_model
            with writes(["held", "audit"]), transaction() as t:
                t.update(model(key), actions=actions, condition=condition)
                t.save(audit_model(line), condition=AuditModel.seq.does_not_exist())
    except EditConflict:
        return False
    return True


def keys(partition, record, closed_at):
    """The due index's keys of a record that closes (a report, a repair): none once the sweep has acted on
    it (`retained`); the held partition while on a legal hold (`hold`), its event's moment kept; the kind's
    `partition` from `closed_at` once closed; none while open."""
    if record.retained:
        return {"retain": None, "retain_from": None}
    if record.hold:
        return {"retain": HELD, "retain_from": moment(closed_at or record.created_at)}
    if closed_at is not None:
        return {"retain": partition, "retain_from": moment(closed_at)}
    return {"retain": None, "retain_from": None}


def due_or_held(index, partition, before, limit, start=None, held=False):
    """`page` of the kind's partition (held: of the held partition, whenever its event)."""
    from datetime import datetime, timezone
    until = datetime.max.replace(tzinfo=timezone.utc) if held else before
    return page(index, HELD if held else partition, until, limit, start)


def add_keys(model, record_class, keys_of, unindexed):
    """Records from before the index (`unindexed`, a filter) given their keys by `keys_of(record)`, with the
    `closed_at` it settles: one pass over the table, CLI only (`doorstep tables`). How many were given them."""
    from .binding import record_of
    changed = 0
    for item in model.scan(filter_condition=model.retain.does_not_exist() & unindexed):  # CLI only
        record = record_of(record_class, item)
        found = keys_of(record)
        if found["retain"] is not None:
            item.update(actions=[model.closed_at.set(record.closed_at), model.retain.set(found["retain"]),
                                 model.retain_from.set(found["retain_from"])])
            changed += 1
    return changed
