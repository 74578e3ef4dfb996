"""Responses are kept for their form's `retention_days` counted from the
close (the analysis follows the close), then deleted by this sweep, which the
council's nightly retention sweep runs after the forms engine's (handlers/retention/sweep.py): the
sparse `expiring` index read month by month as forms' is, what is due and
nothing else. The counts stay: they are figures, not anyone's answers, and
the results published from them stand."""
from ..forms.retention import BATCH, _months  # the forms engine's months looked back over, as its sweep reads


def sweep(deps, limit=BATCH):
    now = deps.clock()
    deleted = 0
    for month in _months(now):
        for response in deps.consultation_responses.expiring(month, now, limit - deleted):
            deleted += deps.consultation_responses.delete(response, counted=False)
        if deleted >= limit:
            break
    return {"deleted": deleted}

