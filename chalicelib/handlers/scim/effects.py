"""What a change in the council's directory does here: the person it provisions, their grant made what their
groups give now (auth/directory.py: given_by, regrant), a leaver's grant and sessions ended (leave), and the
provisioning log's line that goes with each change. Domain code: the stores, the clock and the council are
the caller's (deps)."""
from ...auth import directory
from ...storage.errors import AlreadyExists, EditConflict
from ...storage.records import DirectoryChange
from .resources import person_name, user_state, work_email

SETTLE_TRIES = 3  # the grant made again while the user's groups changed under it (a membership at the same moment)


def line(deps, by, action, kind, resource_id, target, person_id=None, group=None, changes=None):
    """One line of the council's provisioning log, at the clock's moment."""
    now = deps.clock()
    return DirectoryChange(at=now, seq=f"{now.strftime('%Y-%m-%dT%H:%M:%S.%fZ')}#{deps.new_opaque_id()[:12]}",
                           action=action, kind=kind, target_id=resource_id, target=target, by=by,
                           person_id=person_id, group=group, changes=_plain(changes or {}))


def _plain(changes):
    return {k: [sorted(v) if isinstance(v, set) else v for v in pair] for k, pair in changes.items()}


def person_of(deps, user, now):
    """The Doorstep person the SCIM user is; made again by the council's key for their userName if their
    account was erased meanwhile (the person asked for it, or a retention sweep)."""
    person = deps.accounts.user(user.person_id)
    if person is None:
        state = user_state(user)
        person = directory.person(deps, user.user_name, work_email(state), person_name(state), now)
    return person


FOLLOWED = {"userName", "displayName", "name", "emails"}  # what of a user the person's account follows


def follow(deps, person_id, before, after):
    """The person as the directory names them now. A renamed userName (a UPN changed, say at marriage) moves the
    council's key for them, so their next sign-in with the new UPN finds them, not a new person with no history.
    A new name is copied onto the account, and a new work e-mail where the directory gave the old one (an
    address the person verified themselves stays theirs)."""
    person = deps.accounts.user(person_id)
    if person is None:
        return
    old, new = directory.person_key(before["userName"]), directory.person_key(after["userName"])
    if old != new and old in (person.identity_keys or []):
        try:
            deps.accounts.move_identity(person, old, new)
        except AlreadyExists:  # someone signed in under the new UPN before the rename came: theirs stays theirs
            pass
    for _ in range(SETTLE_TRIES):
        name, email = person_name(after), (work_email(after) or "").strip().lower() or None
        ours = person.email_from == directory.BY
        if name == person.name and (not ours or email is None or email == person.email):
            return
        person.name = name or person.name
        if ours and email:
            person.email = email
        try:
            deps.accounts.save_user(person)
            return
        except EditConflict:  # a sign-in stamped the account meanwhile
            person = deps.accounts.user(person_id)


def settle(deps, user_id, now):
    """Make the person's grant at this council what the directory says now: an active user's, what their
    groups give (each group by its externalId, else its displayName, as the council's settings name them);
    an inactive one's, none, and every session here ended as a leaver's (their next call: account_deactivated).
    Read again after the write: a membership changed meanwhile by another request is settled too."""
    for _ in range(SETTLE_TRIES):
        user = deps.directory.user(user_id)
        if user is None:
            return
        person = person_of(deps, user, now)
        if not user.active:
            directory.leave(deps, person)
            return
        groups = deps.directory.groups_named(user.groups)
        keys = sorted((g.external_id or g.display_name) for g in groups.values())
        directory.regrant(deps, person, directory.given_by(deps.council.document, keys), now)
        again = deps.directory.user(user_id)
        if again is None or (again.active, set(again.groups or ())) == (user.active, set(user.groups or ())):
            return


def leaves(deps, user, now):
    """A user deleted in the directory: their person's grant here gone, every session here ended."""
    person = deps.accounts.user(user.person_id)
    if person is not None:
        directory.leave(deps, person)
