"""The council's retention sweep: each kind's due records read from its due index (never the table),
acted on in a bounded batch, and a report of the run by kind and count (storage/retention/runs.py).

Run nightly for every council (app.py sweep_retention; `make run` runs it every minute), and as a dry
run by the council's administrator, which lists what would go and counts it, and changes nothing.
A run does at most BATCH of each kind; the next run takes the rest. Killed at any point, the next run
resumes from the index itself: what was done left it, what was not is still there.

The kinds, in order: street reports (anonymised after the council's period from closure), live chats
(deleted after the council's period from closure), payments (their payer anonymised after the
council's period from when they finished), repairs to council homes (their tenant anonymised after
the council's period from when they were done or cancelled), unused
accounts (warned, then removed at the council), and the forms engine's own sweeps of forms'
submissions and consultations' responses (each form's period), folded in here."""
from ...councils.retention import schedule_of
from ...storage.due import moment
from ...storage.retention.runs import SweepRun
from . import accounts, chats, forms, periods, repairs
from . import reports as street_reports

BATCH = 200  # of each kind acted on a run: a report's anonymising is about ten requests
LISTED = 200  # a dry run lists at most this many of each kind, and counts them all
PAGE = 50
IDEMPOTENCY_HOURS = 24


def nightly(deps):
    """The scheduled run for the council the work is for: its counts by kind."""
    return run(deps).counts


def run(deps, dry=False, by="schedule", claim=None):
    """One run: a SweepRun, whose report is kept (a run that found nothing to do keeps one a day).
    `claim`: the Idempotency-Key of the request that asked for it (a dry run), kept with its report."""
    now = deps.clock()
    schedule = schedule_of(deps.council)
    made = SweepRun(id=f"{moment(now)}_{deps.new_opaque_id()[:12]}", dry=dry, by=by, started_at=now)
    steps = (("reports", lambda: _indexed(deps.reports, schedule.kinds["reports"], now, dry, "anonymise",
                                          lambda rid, cut: street_reports.anonymise(deps, rid, cut, now))),
             ("chats", lambda: _indexed(deps.conversations, schedule.kinds["chats"], now, dry, "delete",
                                        lambda cid, cut: chats.delete(deps, cid, cut))),
             ("payments", lambda: _indexed(deps.payments, schedule.kinds["payments"], now, dry, "anonymise",
                                           lambda pid, cut: _payer_forgotten(deps, pid, cut, now))),
             ("repairs", lambda: _indexed(deps.repairs, schedule.kinds["repairs"], now, dry, "anonymise",
                                          lambda rid, cut: repairs.anonymise(deps, rid, cut, now))),
             ("accounts_warned", lambda: accounts.warn(deps, schedule, now, BATCH if not dry else LISTED, dry)),
             ("accounts_removed", lambda: accounts.remove(deps, schedule, now, BATCH if not dry else LISTED, dry)),
             ("form_submissions", lambda: forms.sweep(deps, BATCH if not dry else LISTED, dry)),
             ("consultation_responses", lambda: forms.sweep_consultations(deps, BATCH if not dry else LISTED, dry)))
    for kind, step in steps:
        counts, listed, more = step()
        made.counts[kind] = counts
        if listed is not None:
            made.listed[kind] = listed
        if more:
            made.more[kind] = True
    made.finished_at = deps.clock()
    if dry or _did_something(made) or not _reported_today(deps, now):
        deps.sweeps.put(made, claim.record(made.id, now, IDEMPOTENCY_HOURS) if claim is not None else None)
    return made


def _indexed(store, period, now, dry, then, act):
    """A kind read from its due index (`store.due`, `store.due_count`): up to BATCH of those whose
    period has ended acted on (`act(id, cut_off)` says "anonymised"/"deleted" or "kept"), or in a dry
    run the first LISTED listed with the day each goes and all of them counted."""
    cut = periods.cut_off(now, period.months)
    if dry:
        rows, more = store.due(cut, LISTED)
        listed = [{"id": rid, "since": moment(at), "until": periods.until(at, period.months).isoformat()}
                  for rid, at in rows]
        return {f"would_{then}": store.due_count(cut)}, listed, bool(more)
    done, start = {DONE[then]: 0, "kept": 0}, None
    while sum(done.values()) < BATCH:
        rows, start = store.due(cut, min(PAGE, BATCH - sum(done.values())), start)
        for record_id, _ in rows:
            done[act(record_id, cut)] += 1
        if start is None:
            return done, None, False
    return done, None, True


DONE = {"anonymise": "anonymised", "delete": "deleted"}


def _payer_forgotten(deps, payment_id, cut, now):
    """A payment's payer (e-mail, account) taken off it; its amounts, reference, refunds and the finance
    ledger stay true (the ledger names no payer). One conditioned write: "kept" when not due."""
    if not deps.payments.anonymise(payment_id, cut, now):
        return "kept"
    from ...faults import boundary
    boundary("retention.payment_anonymised")
    return "anonymised"


def _did_something(made):
    return any(n for counts in made.counts.values() for name, n in counts.items() if name != "kept")


def _reported_today(deps, now):
    from ...stamps import london_today
    latest = deps.sweeps.latest()
    return latest is not None and london_today(latest.started_at) == london_today(now)
