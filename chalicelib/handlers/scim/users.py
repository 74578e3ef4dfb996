"""/Users: provisioning a council's officers. A user made is a Doorstep person (found or made by the council's
key for their userName, auth/directory.person), and their grant follows their groups (effects.settle). A
change that changes nothing writes nothing, and no line in the log; a POST of a userName the council has
already is 409 uniqueness (the key row's conditional write decides, whoever races)."""
from ...auth import directory
from ...storage.errors import AlreadyExists, EditConflict
from ...storage.records import ScimUser
from . import effects, patch, wording
from .errors import ScimError, bad, not_found
from .filters import parse
from .resources import USER_ATTRIBUTES, changed, checked_user, person_name, user_state, work_email

TRIES = 5  # a change read again and made again when another changed the user between its read and its write
ID_PREFIX = "su_"


def create(deps, by, body):
    """The user made (201) and the log's line `provisioned`; their grant as their groups give (none yet:
    Entra ID makes memberships after the user, each settled as it comes), or none and no session if made
    inactive."""
    state = checked_user({k: body.get(k) for k in USER_ATTRIBUTES if k in body})
    if deps.directory.user_named(state["userName"]) is not None:
        raise _taken(state["userName"])
    now = deps.clock()
    person = directory.person(deps, state["userName"], work_email(state), person_name(state), now)
    user = ScimUser(id=ID_PREFIX + deps.new_opaque_id(), user_name=state["userName"], person_id=person.id,
                    external_id=state["externalId"], active=state["active"], display_name=state["displayName"],
                    name=state["name"], emails=state["emails"], created=now, last_modified=now)
    change = effects.line(deps, by, "provisioned", "user", user.id, user.user_name, person.id,
                          changes=changed({}, state))
    try:
        deps.directory.create_user(user, change)
    except AlreadyExists:  # another request made a user of that userName first
        raise _taken(state["userName"]) from None
    if not user.active:
        effects.settle(deps, user.id, now)
    return user


def read(deps, user_id):
    found = deps.directory.user(user_id)
    if found is None:
        raise not_found(wording.NO_SUCH_USER.format(id=user_id))
    return found


def find(deps, filter_text):
    """The users a filter names, or every user of the council's directory, in userName order."""
    wanted = parse(filter_text)
    if wanted is None:
        return sorted(deps.directory.users(), key=lambda u: (u.user_name.lower(), u.id))
    attribute, value = wanted
    if attribute == "userName":
        found = deps.directory.user_named(value)
        return [found] if found is not None else []
    if attribute == "id":
        found = deps.directory.user(value) if len(value) <= 100 else None
        return [found] if found is not None else []
    return sorted(deps.directory.users_where(attribute, value), key=lambda u: u.id)


def change(deps, by, user_id, made, version=None):
    """The user as `made(state)` makes them (a PATCH's operations, or a PUT's body), written with their version
    (read again and made again when another request changed them first); their grant settled when they are
    made inactive or active again. Returns the user."""
    for _ in range(TRIES):
        user = read(deps, user_id)
        if version is not None and int(user.version or 0) != version:
            raise ScimError(412, wording.VERSION.format(version=int(user.version or 0)), "invalidVers")
        before = user_state(user)
        after = checked_user(made(before))
        differs = changed(before, after)
        if not differs:
            return user  # the state they have already: nothing written, no line in the log
        now = deps.clock()
        action = ("changed" if "active" not in differs else "reactivated" if after["active"] else "deactivated")
        _put(user, after, now)
        line = effects.line(deps, by, action, "user", user.id, user.user_name, user.person_id, changes=differs)
        try:
            deps.directory.save_user(user, line, old_user_name=before["userName"])
        except EditConflict:
            continue
        except AlreadyExists:
            raise _taken(after["userName"]) from None
        if differs.keys() & effects.FOLLOWED:  # a change of active or groups alone reads no person
            effects.follow(deps, user.person_id, before, after)
        if "active" in differs:
            effects.settle(deps, user.id, now)
        return user
    raise ScimError(409, wording.CHANGED_AT_ONCE)


def patched(body):
    ops = patch.operations(body)
    return lambda state: patch.apply(state, ops, patch.USER_NAMES)


def replaced(body):
    """A PUT's body as the user's state: what it leaves out is unassigned (RFC 7644 section 3.5.1), but for
    active, which stays as it is (a PUT that forgot it turns no one off)."""
    if not isinstance(body, dict):
        raise bad(wording.BODY_NOT_JSON, "invalidSyntax")
    return lambda state: {**{k: None for k in USER_ATTRIBUTES}, "active": state["active"],
                          **{k: body.get(k) for k in USER_ATTRIBUTES if k in body}}


def remove(deps, by, user_id):
    """The user gone from the council's directory (and from its groups): the person's grant here taken, every
    session here ended, as a leaver's. The person stays: their earlier work keeps its author."""
    for _ in range(TRIES):
        user = read(deps, user_id)
        line = effects.line(deps, by, "removed", "user", user.id, user.user_name, user.person_id)
        try:
            deps.directory.delete_user(user, line)
        except EditConflict:
            continue
        effects.leaves(deps, user, deps.clock())
        return
    raise ScimError(409, wording.CHANGED_AT_ONCE)


def _put(user, state, now):
    user.user_name, user.external_id, user.active = state["userName"], state["externalId"], state["active"]
    user.display_name, user.name, user.emails = state["displayName"], state["name"], state["emails"]
    user.last_modified = now


def _taken(user_name):
    return ScimError(409, wording.USER_NAME_TAKEN.format(name=user_name[:100]), "uniqueness")
