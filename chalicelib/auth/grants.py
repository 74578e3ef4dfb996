"""Which grant makes a person an officer at the council the work is for
(docs/decisions/councils.md, staff and roles per council).

Their own grant there; or, at the deployment's default council, what a person's
row from before councils still holds (that council's grant, until it is first
written); else nothing: a resident at this address, whatever they are
elsewhere. A person's row names where they hold grants, so a resident's
request reads none."""
from .. import tenancy


def grant_at(user, grants):
    """The Grant that holds for `user` at the council the work is for, or None."""
    return own_grant(user, grants)


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
