"""The steps of a council's leaving, each allowed only after the one before:

    stopped    its addresses answer 410 service_ended on every route (its web app's settings too),
               so its sessions, Open311 keys, SCIM token and staff sign-ins are refused there; the
               schedules, the events' stream and the queues' workers skip it; nothing new is written
    exporting  its export under way (from its cursor, whoever runs it next)
    exported   every kind of its data and every file written, with the manifest
    deleting   its deletion under way, confirmed by the operator naming the council
    deleted    nothing of it read back anywhere; the other councils' counts compared; its record,
               and its addresses answering that the service has ended, kept by the deployment

Each step is idempotent: asked again, a step done answers the record as it is, and one under way
goes on from where it got to.
"""
from datetime import timedelta

from ... import tenancy
from ...errors import Conflict, NotFound, ValidationFailed
from . import wording as words

SERVING = "serving"  # not leaving: no record
STOPPED, EXPORTING, EXPORTED, DELETING, DELETED = "stopped", "exporting", "exported", "deleting", "deleted"
POINT_IN_TIME_DAYS = 35  # every table's point-in-time recovery (infra/template/tables.py): AWS's most
BACKUP_DAYS = 35  # a council's `retention.backup_days` when its settings say none
# The export begins no sooner than this after the stop: every warm function has read it (the councils'
# check, 5 s) and every run that began before it has ended (the longest any function may run, 900 s:
# infra/template/functions.py), so nothing is written for the council after the export has read past it.
SETTLE_S = 900 + 15  # DOORSTEP_OFFBOARD_SETTLE_S


class OutOfOrder(Conflict):
    code = "offboarding_out_of_order"


def record_of(store, council_id):
    """(record, version) of the council's leaving: 409 when it has not begun (404: no council has the id)."""
    found = store.get(council_id)
    if found is None:
        from ...storage.councils import CouncilStore
        if CouncilStore().get(council_id, consistent=True) is None:
            raise NotFound(words.NO_COUNCIL.format(council=council_id), code="council_not_found")
        raise OutOfOrder(words.NOT_STOPPED.format(council=council_id))
    return found


def serving(council_id, settings):
    """A council that has not begun to leave, as the leaving's record would show it."""
    return {"id": council_id, "name": settings["name"], "hosts": list(settings.get("hosts") or []),
            "state": SERVING}


def stop(store, councils, council_id, now, by):
    """(record, made): the council stopped, or as it is when its leaving had begun already."""
    found = store.get(council_id)
    if found is not None:
        return found[0], False
    settings = councils.get(council_id, consistent=True)
    if settings is None:
        raise NotFound(words.NO_COUNCIL.format(council=council_id), code="council_not_found")
    if council_id == tenancy.default():
        raise Conflict(words.DEFAULT_COUNCIL.format(council=council_id), code="default_council")
    document = settings[0]
    record = {"id": council_id, "name": document["name"], "hosts": list(document.get("hosts") or []),
              "state": STOPPED, "stopped_at": now.isoformat(), "stopped_by": by,
              "backup_days": (document.get("retention") or {}).get("backup_days") or BACKUP_DAYS}
    from ...storage.offboarding.records import AlreadyExists
    try:
        record["hosts"] = store.stop(council_id, record, now)
    except AlreadyExists:  # stopped meanwhile by another run
        return store.get(council_id)[0], False
    from .. import registry
    registry.forget(council_id)  # this process at once; every other within the generation's check
    return record, True


def export(store, council_id, sink, now, by, budget, tell=None):
    """(record, finished): the export written into `sink` as far as `budget` allows."""
    from ...storage.offboarding.exporting import Export, manifest, sha256
    record, version = record_of(store, council_id)
    state, to = record["state"], (record.get("export") or {}).get("to")
    if state in (DELETING, DELETED):
        raise OutOfOrder(words.GONE.format(council=council_id))
    if to is not None and to != sink.location:
        raise OutOfOrder(words.EXPORTED_ELSEWHERE.format(council=council_id, to=to, asked=sink.location))
    if state == EXPORTED:
        return record, True
    if state == STOPPED:
        _settled(record, now)
        record = {**record, "state": EXPORTING, "export": {"to": sink.location, "started_at": now.isoformat(),
                                                           "by": by}}
        version = _changed(store, council_id, record, version, now)
    if not _run(Export(council_id, sink, budget, store, tell), council_id):
        return record, False
    written = manifest(council_id, record, now, store)
    data = _json(written)
    sink.write("manifest.json", data)
    counts = {name: kind["items"] for name, kind in written["kinds"].items()}
    counts.update({f"files:{name}": f["files"] for name, f in written["files"].items()})
    record = {**record, "state": EXPORTED, "export": {**record["export"], "finished_at": now.isoformat(),
                                                      "manifest_sha256": sha256(data), "counts": counts,
                                                      "totals": written["totals"]}}
    _changed(store, council_id, record, version, now)
    return record, True


def delete(store, council_id, confirm, now, by, budget, tell=None):
    """(record, finished): the council's data deleted as far as `budget` allows, once the export is
    whole and `confirm` names the council; finished with its report."""
    from ...storage.offboarding.deleting import Deletion, report
    if confirm != council_id:
        raise ValidationFailed([("confirm", words.CONFIRM.format(council=council_id))])
    record, version = record_of(store, council_id)
    if record["state"] == DELETED:
        return record, True
    if record["state"] not in (EXPORTED, DELETING):
        raise OutOfOrder(words.NOT_EXPORTED.format(council=council_id))
    if record["state"] == EXPORTED:
        record = {**record, "state": DELETING, "deletion": {"confirmed_by": by, "started_at": now.isoformat()}}
        version = _changed(store, council_id, record, version, now)
    deletion = record["deletion"]
    if "report" not in deletion:  # a run that died after the report was kept goes straight on to the settings
        if not _run(Deletion(council_id, budget, record["backup_days"], store, tell), council_id):
            return record, False
        found = report(council_id, record["export"]["counts"], store)
        deletion = {**deletion, "report": {**found, "backups": backups(now, record["backup_days"]),
                                           "councils_table": {"held_before": store.held(council_id)}}}
        record = {**record, "deletion": deletion}
        version = _changed(store, council_id, record, version, now)
    store.remove_settings(council_id)
    deletion["report"]["councils_table"]["held_after"] = store.held(council_id)
    record = {**record, "state": DELETED, "deletion": {**deletion, "finished_at": now.isoformat()}}
    _changed(store, council_id, record, version, now)
    from .. import registry
    registry.forget(council_id)
    return record, True


def backups(now, backup_days):
    """When the deleted data leaves the deployment's backups: every table's point-in-time recovery keeps
    POINT_IN_TIME_DAYS; the bucket expires its files' old versions after the council's backup_days."""
    day = now.date()
    tables, files = day + timedelta(days=POINT_IN_TIME_DAYS), day + timedelta(days=backup_days)
    return {"backup_days": backup_days, "point_in_time_recovery_days": POINT_IN_TIME_DAYS,
            "tables_until": tables.isoformat(), "file_versions_until": files.isoformat(),
            "leaves_backups_on": max(tables, files).isoformat()}


def _settled(record, now):
    """409 until SETTLE_S after the stop, saying when the export may begin."""
    import os
    from datetime import datetime
    settle = float(os.environ.get("DOORSTEP_OFFBOARD_SETTLE_S") or SETTLE_S)
    begins = datetime.fromisoformat(record["stopped_at"]) + timedelta(seconds=settle)
    if now < begins:
        raise OutOfOrder(words.NOT_SETTLED.format(council=record["id"], at=begins.isoformat(timespec="seconds")),
                         headers={"Retry-After": str(max(1, int((begins - now).total_seconds())))})


def _run(step, council_id):
    from ...storage.offboarding.records import AnotherRun
    try:
        return step.run()
    except AnotherRun:
        raise Conflict(words.ANOTHER_RUN.format(council=council_id), code="another_run") from None


def _changed(store, council_id, record, version, now):
    from ...storage.errors import EditConflict
    try:
        return store.change(council_id, record, version, now)
    except EditConflict:
        raise Conflict(words.ANOTHER_RUN.format(council=council_id), code="another_run") from None


def _json(value):
    import json
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
