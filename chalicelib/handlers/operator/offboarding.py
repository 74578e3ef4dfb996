"""A council leaving the deployment, stepped by the operator (docs/decisions/offboarding.md): the
route's side of councils/offboarding/steps.py. An export through the route is written into the
bucket (its function has no folder to hand over), and the operator hands the council its files by
links; a step takes at most STEP_S seconds a call (under API Gateway's 29) and answers 202 with
where it got to while there is more, so the operator calls again until 200."""
import os

from ...councils.offboarding import steps
from ...councils.offboarding import wording as words
from ...errors import ValidationFailed

STEP_S = 20.0  # DOORSTEP_OFFBOARD_STEP_S
STEPS = ("stop", "export", "delete")
LINK_S = 3600  # how long a link to the export's manifest lasts


def _store():
    from ...storage.offboarding.records import OffboardStore
    return OffboardStore()


def show(council_id):
    """The council's leaving as it stands: its record, and a link to its export's manifest while it is held."""
    found = _store().get(council_id)
    if found is None:
        from ...storage.councils import CouncilStore
        settings = CouncilStore().get(council_id, consistent=True)
        if settings is None:
            steps.record_of(_store(), council_id)  # 404: no council has the id
        return steps.serving(council_id, settings[0])
    return view(found[0])


def step(deps, council_id, body):
    """(view, finished) of the step `body` asks for."""
    from ...storage.offboarding.paging import Budget
    wanted = body.get("step")  # a JSON object: http.body() said so
    if wanted not in STEPS:
        raise ValidationFailed([("step", words.STEP)])
    store, now, by = _store(), deps.clock(), f"operator {deps.principal.email or deps.principal.user_id}"
    if wanted == "stop":
        from ...storage.councils import CouncilStore
        record, _ = steps.stop(store, CouncilStore(), council_id, now, by)
        return view(record), True
    budget = Budget(float(os.environ.get("DOORSTEP_OFFBOARD_STEP_S") or STEP_S))
    if wanted == "export":
        from ...storage.offboarding.sinks import BucketSink
        record, finished = steps.export(store, council_id, BucketSink(council_id), now, by, budget)
    else:
        record, finished = steps.delete(store, council_id, body.get("confirm"), now, by, budget)
    return view(record), finished


def view(record):
    shown = {key: record.get(key) for key in ("id", "name", "hosts", "state", "stopped_at", "stopped_by",
                                              "backup_days", "export", "deletion")}
    export = record.get("export") or {}
    if record["state"] == steps.EXPORTED and (export.get("to") or "").startswith("bucket "):
        from ...storage.offboarding.sinks import BucketSink
        shown["manifest_url"] = BucketSink(record["id"]).link("manifest.json", LINK_S)
    return shown
