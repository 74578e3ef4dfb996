"""/Groups: the council's directory groups, whose memberships give desks through its settings' `groups`
(matched by the group's externalId, Entra ID's object id, else its displayName). A member joining or leaving
is one write of both sides and its own line in the log, and their grant is settled at once: a joiner has their
desks before they first sign in, a member removed loses the desk (and their sessions) in the same request."""
from ...storage.errors import EditConflict
from ...storage.records import ScimGroup
from . import effects, patch, wording
from .errors import ScimError, bad, not_found
from .filters import parse
from .resources import GROUP_ATTRIBUTES, changed, checked_group, group_state

TRIES = 5
ID_PREFIX = "sg_"
MOST_MEMBERS = 1000  # members named in one request


def create(deps, by, body):
    state = checked_group({k: body.get(k) for k in GROUP_ATTRIBUTES if k in body})
    members = patch.member_ids(body["members"]) if body.get("members") else set()
    _not_too_many(members)
    now = deps.clock()
    group = ScimGroup(id=ID_PREFIX + deps.new_opaque_id(), display_name=state["displayName"],
                      external_id=state["externalId"], created=now, last_modified=now)
    deps.directory.create_group(group, effects.line(deps, by, "group_made", "group", group.id, group.display_name,
                                                    changes=changed({}, {**state, "members": None})))
    _memberships(deps, by, group, members, set(), now)
    return read(deps, group.id)


def read(deps, group_id):
    found = deps.directory.group(group_id)
    if found is None:
        raise not_found(wording.NO_SUCH_GROUP.format(id=group_id))
    return found


def find(deps, filter_text):
    wanted = parse(filter_text, allowed=("displayName", "externalId", "id"))
    if wanted is None:
        return sorted(deps.directory.groups(), key=lambda g: (g.display_name.lower(), g.id))
    attribute, value = wanted
    if attribute == "id":
        found = deps.directory.group(value) if len(value) <= 100 else None
        return [found] if found is not None else []
    return sorted(deps.directory.groups_where(attribute, value), key=lambda g: g.id)


def change(deps, by, group_id, made):
    """The group as `made(state)` makes it: its displayName and externalId written with its version (made again
    when another changed it first), its members joined and left one by one; each member whose desks can have
    changed is settled (every member, when what the council's settings match the group by changed)."""
    for _ in range(TRIES):
        group = read(deps, group_id)
        before = group_state(group)
        after = checked_group(made(before))
        _not_too_many(after["members"] - before["members"])
        differs = changed(before, after)
        now = deps.clock()
        if differs:
            group.display_name, group.external_id, group.last_modified = after["displayName"], after["externalId"], now
            try:
                deps.directory.save_group(group, effects.line(deps, by, "group_changed", "group", group.id,
                                                              group.display_name, changes=differs))
            except EditConflict:
                continue
        moved = _memberships(deps, by, group, after["members"] - before["members"],
                             before["members"] - after["members"], now)
        keyed_by = "externalId" in differs or ("displayName" in differs and not group.external_id)
        for user_id in sorted(set(group.members or ()) - moved) if keyed_by else ():
            effects.settle(deps, user_id, now)
        return
    raise ScimError(409, wording.CHANGED_AT_ONCE)


def patched(body):
    ops = patch.operations(body)
    return lambda state: patch.apply(state, ops, patch.GROUP_NAMES)


def replaced(body):
    """A PUT's body as the group's state: members it does not name are no longer members (RFC 7644 3.5.1)."""
    if not isinstance(body, dict):
        raise bad(wording.BODY_NOT_JSON, "invalidSyntax")
    members = patch.member_ids(body["members"]) if body.get("members") else set()
    return lambda state: {"displayName": body.get("displayName"), "externalId": body.get("externalId"),
                          "members": members}


def remove(deps, by, group_id):
    for _ in range(TRIES):
        group = read(deps, group_id)
        try:
            deps.directory.delete_group(group, effects.line(deps, by, "group_removed", "group", group.id,
                                                            group.display_name))
        except EditConflict:
            continue
        now = deps.clock()
        for user_id in sorted(group.members or ()):
            effects.settle(deps, user_id, now)
        return
    raise ScimError(409, wording.CHANGED_AT_ONCE)


def _memberships(deps, by, group, joining, leaving, now):
    """Each of `joining` made a member and each of `leaving` not, with a line each where it changed something;
    each member changed settled. Returns who changed."""
    moved = set()
    for user_id, joins in sorted([(u, True) for u in joining] + [(u, False) for u in leaving]):
        user = deps.directory.user(user_id)
        if user is None:
            if joins:
                raise bad(wording.MEMBER_UNKNOWN.format(id=user_id[:100]))
            continue  # gone already: not a member of anything
        line = effects.line(deps, by, "joined" if joins else "left", "user", user.id, user.user_name, user.person_id,
                            group=group.display_name)
        try:
            done = (deps.directory.join if joins else deps.directory.leave)(group.id, user.id, line, now)
        except EditConflict as e:
            if e.part == "group":
                raise not_found(wording.NO_SUCH_GROUP.format(id=group.id)) from None
            raise bad(wording.MEMBER_UNKNOWN.format(id=user_id[:100])) from None
        if done:
            moved.add(user_id)
            effects.settle(deps, user_id, now)
    return moved


def _not_too_many(members):
    if len(members) > MOST_MEMBERS:
        raise ScimError(400, wording.TOO_MANY_MEMBERS.format(most=MOST_MEMBERS), "tooMany")
