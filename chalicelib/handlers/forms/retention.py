"""Each form sets how long its submissions are kept (`retention_days`); a
form not sent is kept 28 days after its last save. Once a day the sweep
deletes those whose time has come, with their files: it reads the sparse
`expiring` index month by month (what is due, nothing else: no Scan), and
deletes each item only if its time has not moved on since (a resident who
came back and saved again keeps theirs). DynamoDB's TTL, a month later, is
the backstop should the sweep not run; the files are deleted only here.

The sweep looks back a few months, so a sweep that did not run for weeks
still finds what fell due then."""
import logging
from datetime import timedelta

log = logging.getLogger(__name__)

LOOK_BACK_MONTHS = 3
BATCH = 500  # at most this many a run: the next day's run takes the rest


def sweep(deps, limit=BATCH):
    """Deletes what is due, its case redacted first (forms/case_retention.py);
    a submission whose case is still in use is kept with it until then."""
    from .files import delete_files
    now = deps.clock()
    done = {"deleted": 0, "redacted": 0, "kept": 0}
    for month in _months(now):
        for submission in deps.form_submissions.expiring(month, now, limit - sum(done.values())):
            outcome = _case(deps, submission, now)
            if outcome == "kept":
                done["kept"] += 1
                continue
            done["redacted"] += outcome == "redacted"
            delete_files(deps, submission)
            done["deleted"] += deps.form_submissions.delete(submission)
        if sum(done.values()) >= limit:
            break
    return done


def _case(deps, submission, now):
    from ...storage.errors import EditConflict
    from .case_retention import close_out
    from .completing import BACKSTOP
    try:
        outcome = close_out(deps, submission, now)
    except EditConflict:  # staff changed the case as it was redacted: tomorrow's run looks again
        log.warning("form case not redacted tonight: changed meanwhile (%s)", submission.id)
        return "kept"
    if isinstance(outcome, str):
        return outcome
    deps.form_submissions.postpone(submission, outcome, BACKSTOP)
    return "kept"


def _months(now):
    """The month now and the LOOK_BACK_MONTHS before it, oldest first ("2026-09" ... "2026-12")."""
    months, first = [], now.replace(day=1)
    for _ in range(LOOK_BACK_MONTHS + 1):
        months.append(f"{first:%Y-%m}")
        first = (first - timedelta(days=1)).replace(day=1)
    return months[::-1]
