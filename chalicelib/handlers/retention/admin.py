"""The council's administrator's view of its retention: the schedule as it stands (each kind as the
council set it, or at the data map's default), changed as part of its settings (the same check, the
same audit, the same If-Match as every setting: handlers/council/admin.py), the sweep's reports, and
a dry run of the sweep."""
import base64

from ...councils.retention import schedule_of
from ...errors import NotFound, ValidationFailed
from ...stamps import stamp
from . import wording as words

RUNS_PAGE = 50


def schedule_view(council_document, version):
    """{"schedule": {kinds: {kind: {after, months, then, source, words}}, unused_account_months,
    warn_days, backup_days, set: the settings' own section}, "version": the settings' version}."""
    from ...councils.council import Council
    from ..privacy.wording import kept
    from ...storage.data_map import Retention
    schedule = schedule_of(Council.of_document(council_document, version))
    kinds = {kind: {"after": p.after, "months": p.months, "then": p.then, "source": p.source,
                    "words": kept(Retention(p.after, months=p.months, then=p.then, source=p.source))}
             for kind, p in schedule.kinds.items()}
    return {"schedule": {"kinds": kinds, "unused_account_months": schedule.unused_account_months,
                         "unused_accounts_source": schedule.accounts_source, "warn_days": schedule.warn_days,
                         "backup_days": schedule.backup_days, "set": council_document.get("retention") or {}},
            "version": version}


def read(deps):
    from ..council.admin import _stored
    return schedule_view(*_stored(deps)[1])


def change(deps, section, version):
    """The council's settings with `section` as their `retention` ({} : every kind at its default),
    checked and audited as any change of its settings; the schedule as it then stands."""
    from ..council.admin import _stored, change as change_settings
    current, _ = _stored(deps)[1]
    document = {k: v for k, v in current.items() if k != "retention"}
    if section != {}:
        document["retention"] = section
    made = change_settings(deps, document, version)
    return schedule_view(made["settings"], made["version"])


def runs(deps, before=None):
    """{"runs": [a run without its lists], "next": the cursor of the page after, or None}."""
    found, cursor = deps.sweeps.page(RUNS_PAGE, _start(before) if before else None)
    return {"runs": [run_view(r, listed=False) for r in found],
            "next": _cursor(cursor["id"]["S"]) if cursor else None}


def one_run(deps, run_id):
    found = deps.sweeps.get(run_id)
    if found is None:
        raise NotFound(words.NO_SUCH_RECORD, code="run_not_found")
    return run_view(found)


def dry_run(deps, body, idempotency_key):
    """A dry run's report (listing what would go), made once per Idempotency-Key."""
    from ..shared.idempotency import Claim
    from ...storage.errors import AlreadyExists
    from .sweep import run
    if body not in (None, {}):
        raise ValidationFailed([(name, words.NOT_A_DRY_RUN_FIELD) for name in body] if isinstance(body, dict)
                               else [("body", words.NOT_AN_OBJECT)])
    me = deps.principal
    claim = Claim(deps, idempotency_key, f"{me.user_id}#retention-dry-run", body or {},
                  lambda record: _answer(deps, record), "another dry run")
    earlier = claim.earlier()
    if earlier is not None:
        return earlier
    try:
        made = run(deps, dry=True, by=me.email or me.user_id, claim=claim)
    except AlreadyExists:
        return claim.twin()
    return run_view(made)


def _answer(deps, record):
    found = deps.sweeps.get(record.resource_id)
    return run_view(found) if found is not None else None


def run_view(run, listed=True):
    view = {"id": run.id, "dry": bool(run.dry), "by": run.by, "started_at": stamp(run.started_at),
            "finished_at": stamp(run.finished_at), "counts": run.counts, "more": run.more}
    if listed:
        view["listed"] = run.listed if run.dry else {}
    return view


def _cursor(run_id):
    return base64.urlsafe_b64encode(run_id.encode()).decode().rstrip("=")


def _start(cursor):
    try:
        run_id = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except ValueError:  # binascii.Error and UnicodeDecodeError are both
        raise ValidationFailed([("before", words.NOT_A_CURSOR)]) from None
    return {"kind": {"S": "runs"}, "id": {"S": run_id}}
