"""Which grant makes a person an officer at the council the work is for
(docs/decisions/councils.md, staff and roles per council).

Their own grant there; or, at the deployment's default council, what a person's
row from before councils still holds (that council's grant, until it is first
written); or, for a crew member of a team two councils share, their own
council's grant, where both councils' settings name that team shared with the
other (`shares`); else nothing: a resident at this address, whatever they are
elsewhere. A person's row names where they hold grants, so a resident's
request reads none, and another council's grant is read only where this
council shares a team with it."""
from .. import tenancy

HISTORY_KEPT = 50  # the latest changes of an officer's roles kept on their grant; older ones drop off


def grant_at(user, grants):
    """The Grant that holds for `user` at the council the work is for, or None. A shared team's grant
    names its own council (`council`): the acts made under it name both (acting_as)."""
    own = own_grant(user, grants)
    return own if own is not None or user is None else shared_grant(user, grants)


def shared_grant(user, grants):
    """A crew member's grant from a council that shares their team with this one, both having said so."""
    from ..councils.registry import settings_of
    from ..storage.records import Grant
    here = tenancy.current()
    for share in _shares(settings_of(here)):
        if share["with"] not in (user.granted_in or ()):
            continue
        with tenancy.acting_for(share["with"]):
            theirs = grants.get(user.id)
            consented = {"team": share["team"], "with": here} in _shares(settings_of(share["with"]))
        if consented and theirs is not None and theirs.role == "crew" and theirs.team == share["team"]:
            return Grant(user_id=user.id, role="crew", team=theirs.team, council=share["with"])
    return None


def _shares(found):
    return [s for s in ((found[0].get("shares") if found else None) or []) if isinstance(s, dict)]


def acting_as(principal):
    """What an act names beside its maker: the council it was done for and, where the maker's grant is
    another council's (a shared team), that council."""
    here = tenancy.current()
    theirs = principal.council if principal is not None else None
    return {"council": here, "granted_by": theirs if theirs not in (None, here) else None}


def own_grant(user, grants):
    """The grant this council made `user` (stored, or on a row from before councils), or None."""
    if user is None:
        return None
    here = tenancy.current()
    if here in (user.granted_in or ()):
        found = grants.get(user.id)
        if found is not None:
            return found
    if user.before_councils and here == tenancy.default():
        return before_councils(user)
    return None


def known_here(user):
    """Whether the council the work is for knows `user`: it granted them something, or they signed
    in at its address; a row from before councils named neither and is the default council's. To
    anyone else's administrator the person is no account at all (handlers/officers)."""
    here, granted, signed = tenancy.current(), user.granted_in or set(), user.signed_in_at or set()
    if here in granted or here in signed:
        return True
    return here == tenancy.default() and (bool(user.before_councils) or not (granted or signed))


def before_councils(user):
    """The default council's grant as a row from before councils holds it: not stored as one yet
    (version None), so the first change writes it there."""
    from ..storage.records import Grant
    held = user.before_councils or {}
    return Grant(user_id=user.id, role=held["role"], team=held.get("team"), scope=dict(held.get("scope") or {}),
                 roles=list(held.get("roles") or []), roles_history=list(held.get("roles_history") or []),
                 council=tenancy.default())


def role_at(user, grants):
    """The person's kind of account at this council: resident unless a grant here says otherwise."""
    grant = grant_at(user, grants)
    return grant.role if grant is not None else "resident"


def give_roles(grant, roles, by, at):
    """`grant` holds `roles` from now, the change kept on it (who, when, before, after; the latest
    HISTORY_KEPT): False when it held exactly these already. The caller saves and ends sessions."""
    from ..stamps import stamp
    before = list(grant.roles or [])
    if before == roles:
        return False
    grant.roles = roles
    grant.roles_history = [*(grant.roles_history or []), {"at": stamp(at), "by": by, "before": before,
                                                          "after": roles}][-HISTORY_KEPT:]
    return True
