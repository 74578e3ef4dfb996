"""Forms' submissions and consultations' responses in the one sweep: each keeps its own period (its
form's `retention_days`, set with the form: docs/decisions/forms.md) and its own due index by the month
it ends (storage/forms/), which the forms engine's sweeps read (forms/retention.py,
consultations/retention.py); here they run as kinds of the council's sweep, counted in its report,
and a dry run lists what they would delete."""
from ...storage.due import moment


def sweep(deps, limit, dry=False):
    from ..forms.retention import sweep as sweep_forms
    if dry:
        return _would(deps, deps.form_submissions.expiring, limit)
    return sweep_forms(deps, limit), None, False


def sweep_consultations(deps, limit, dry=False):
    from ..consultations.retention import sweep as sweep_responses
    if dry:
        return _would(deps, deps.consultation_responses.expiring, limit)
    return sweep_responses(deps, limit), None, False


def _would(deps, expiring, limit):
    """({"would_delete": n}, listed, more): what is due by now, month by month as the sweep reads it."""
    from ..forms.retention import _months
    now, found = deps.clock(), []
    for month in _months(now):
        found += expiring(month, now, limit + 1 - len(found))
        if len(found) > limit:
            break
    listed = [{"id": item.id, "until": moment(item.delete_at)} for item in found[:limit]]
    return {"would_delete": len(listed)}, listed, len(found) > limit
