"""Accounts unused at a council for its `unused_account_months`: warned by e-mail `warn_days` before,
kept if they sign in, report or are sent an alert in between (FixMyStreet counts an alert as a use),
else removed at that council.

Removed at a council means what the person has there is forgotten as their own erasure forgets it
(accounts/me.forget_here: their reports stay, anonymised; their follows, chats, requests go), their
sessions there end, and the council comes off the councils that know them; the account itself goes
only when no other council knows them (`signed_in_at`, `granted_in`). A person known at York and at
North Lanarkshire removed at York keeps everything of theirs at North Lanarkshire, and their account.
An officer with a grant here is not removed as a resident (their grant is the staff's to end).

Each person is read from the due index (storage/accounts/presence.py) by their last use, one
partition per step: warned, they move to `accounts#warned`; about to be removed, to
`accounts#removing` (the run after a killed one finishes those first); removed, their row goes.
Each move is conditioned on their last use as read, so one who came back meanwhile is kept."""
from ... import tenancy
from ...storage.accounts.presence import ACTIVE, REMOVING, WARNED
from ...storage.due import moment
from . import periods
from . import wording as words


def warn(deps, schedule, now, limit, dry=False):
    """Warn those whose removal day is within `warn_days`: {"warned": n, "kept": n}, listed, more."""
    cut = periods.cut_off(now, schedule.unused_account_months, ahead_days=schedule.warn_days)
    rows, more = deps.presence.due(ACTIVE, cut, limit)
    done = {"warned": 0, "kept": 0}
    if dry:
        return {"would_warn": deps.presence.due_count(ACTIVE, cut)}, _listed(rows, schedule), bool(more)
    for user_id, _ in rows:
        row = deps.presence.get(user_id)
        user = deps.accounts.user(user_id) if row is not None else None
        if row is None or row.stage != ACTIVE or row.last_active >= cut or _officer_here(user):
            done["kept"] += 1
            continue
        if user is not None and user.email and user.email_verified:
            _send_warning(deps, user, row, schedule, now)
        done["warned" if deps.presence.move(row, WARNED, now) else "kept"] += 1
    return done, None, bool(more)


def remove(deps, schedule, now, limit, dry=False):
    """Remove those warned at least `warn_days` ago whose period has ended: {"removed": n, "kept": n}."""
    cut = periods.cut_off(now, schedule.unused_account_months)
    if dry:
        rows, more = deps.presence.due(WARNED, cut, limit)
        return {"would_remove": deps.presence.due_count(WARNED, cut)}, _listed(rows, schedule), bool(more)
    done = {"removed": 0, "kept": 0}
    unfinished, _ = deps.presence.due(REMOVING, now, limit)  # a killed run's, finished first
    for user_id, _ in unfinished:
        row = deps.presence.get(user_id)
        if row is not None and row.stage == REMOVING:
            done["removed"] += _remove_here(deps, row)
    rows, more = deps.presence.due(WARNED, cut, max(0, limit - len(unfinished)))
    for user_id, _ in rows:
        row = deps.presence.get(user_id)
        user = deps.accounts.user(user_id) if row is not None else None
        if (row is None or row.stage != WARNED or row.last_active >= cut or row.warned_at is None
                or periods.days_since(row.warned_at, now) < schedule.warn_days or _officer_here(user)
                or not deps.presence.move(row, REMOVING)):
            done["kept"] += 1
            continue
        row.stage = REMOVING
        done["removed"] += _remove_here(deps, row)
    return done, None, bool(more)


def _remove_here(deps, row):
    """The person forgotten at this council, then their row: 1, or 0 when they came back meanwhile."""
    from ..accounts.me import forget_here
    user = deps.accounts.user(row.user_id)
    if user is not None:
        from ...faults import boundary
        forget_here(deps, user)
        boundary("retention.forgotten_here")  # everything of theirs here gone; the council still on their account
        if not deps.accounts.leave_council(user):  # known nowhere else: the account goes, its rows with it
            deps.accounts.delete_user(deps.accounts.user(user.id) or user)
            return 1
    return 1 if deps.presence.forget(row) or user is None else 0


def _officer_here(user):
    return user is not None and tenancy.current() in (user.granted_in or ())


def _send_warning(deps, user, row, schedule, now):
    from ...notify.email import queue_email
    from ..privacy.wording import period
    from ..shared.clock import date_words, day
    council = deps.council.short_name
    goes = periods.until(row.last_active, schedule.unused_account_months)
    subject = words.UNUSED_SUBJECT.format(council=council, day=date_words(goes))
    body = words.UNUSED_BODY.format(council=council, since=day(row.last_active), day=date_words(goes),
                                    period=period(schedule.unused_account_months, 0),
                                    link=f"{deps.base_url}/account")
    # One message per person per last use: a run killed after sending sends it again under the same id,
    # which the outbox keeps once.
    queue_email(user.email, subject, body, now, f"retention-warning:{tenancy.current()}:{user.id}:"
                                                f"{moment(row.last_active)}")



def _listed(rows, schedule):
    return [{"id": user_id, "since": moment(at),
             "until": periods.until(at, schedule.unused_account_months).isoformat()} for user_id, at in rows]
