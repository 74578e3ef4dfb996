"""Each form sets how long its submissions are kept (`retention_days`); a
form not sent is kept 28 days after its last save. Once a day the sweep
deletes those whose time has come, with their files: it reads the sparse
`expiring` index month by month (what is due, nothing else: no Scan), and
deletes each item only if its time has not moved on since (a resident who
came back and saved again keeps theirs). DynamoDB's TTL, a month later, is
the backstop should the sweep not run; the files are deleted only here.

The sweep looks back a few months, so a sweep that did not run for weeks
still finds what fell due then."""
from datetime import timedelta

LOOK_BACK_MONTHS = 3
BATCH = 500  # at most this many a run: the next day's run takes the rest


def sweep(deps, limit=BATCH):
    from .files import delete_files
    now = deps.clock()
    deleted = 0
    for month in _months(now):
        for submission in deps.form_submissions.expiring(month, now, limit - deleted):
            delete_files(deps, submission)
            deleted += deps.form_submissions.delete(submission)
        if deleted >= limit:
            break
    return {"deleted": deleted}


def _months(now):
    """The month now and the LOOK_BACK_MONTHS before it, oldest first ("2026-09" ... "2026-12")."""
    months, first = [], now.replace(day=1)
    for _ in range(LOOK_BACK_MONTHS + 1):
        months.append(f"{first:%Y-%m}")
        first = (first - timedelta(days=1)).replace(day=1)
    return months[::-1]
