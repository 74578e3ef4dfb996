"""Without SCIM, the council's officers who have not signed in at its address for its `unused_days` are
suspended by its nightly schedule (docs/decisions/staff-sign-in.md): their grant taken, every session here
ended, and a line in the council's provisioning log, where its administrator reads who was suspended and why.
What is due is read from the grants' `idle` index (last used before the cut-off), never a Scan; each is read
again before it is taken (a sign-in since moves it on: the removal is conditioned on the grant's version),
and its log line, written after, is keyed by the grant's due moment and written once."""
from datetime import timedelta

from ...auth import directory
from ...auth.grants import own_grant
from ...stamps import stamp
from ...storage.errors import EditConflict
from ...storage.records import DirectoryChange

BATCH = 200  # grants read a run, oldest first; the next night takes the rest
BY = "schedule"


def suspend_unused(deps):
    """{"suspended": n} for the council the work is for: none where it has SCIM (its directory says who has
    left) or no `unused_days`."""
    section = directory.section(deps.council.document)
    days = section.get("unused_days")
    if not isinstance(days, int) or isinstance(section.get("scim"), dict):
        return {"suspended": 0}
    now = deps.clock()
    cut_off, suspended = now - timedelta(days=days), 0
    for user_id in deps.grants.unused_before(cut_off, BATCH):
        user = deps.accounts.user(user_id)
        grant = own_grant(user, deps.grants) if user is not None else None
        since = (grant.last_signed_in or grant.changed_at) if grant is not None else None
        if grant is None or grant.break_glass or since is None or since >= cut_off:
            continue
        try:
            deps.grants.remove(grant, user)
        except EditConflict:  # changed since read (a sign-in, an administrator): the next run reads it again
            continue
        deps.accounts.end_sessions(user.id, "unused")
        due = since + timedelta(days=days)
        deps.directory.note(DirectoryChange(
            at=now, seq=f"{due.strftime('%Y-%m-%dT%H:%M:%S.%fZ')}#suspended#{user.id}", action="suspended",
            kind="user", target_id=user.id, target=user.email or user.id, by=BY, person_id=user.id,
            changes={"role": [grant.role, None], "last_used": [stamp(since), None]}))
        suspended += 1
    return {"suspended": suspended}
