"""Administering accounts (the `doorstep users` commands): create with a role
(and a staff member's roles), change a role, each at the council the command
is for (`--council`): a person is an officer at a council by its grant alone
(storage/accounts/grants.py). Not exposed over HTTP; an administrator sets an
officer's roles over HTTP too (handlers/officers)."""
from ...auth import passwords
from ...errors import ApiError, Conflict, NotFound, ValidationFailed
from ...storage.errors import AlreadyExists
from ...auth.grants import give_roles, own_grant
from ...storage.records import Grant, User
from .auth import normalise_email
from .wording import (ACCOUNT_EXISTS, BREAK_GLASS_ADMINS_ONLY, BY_COMMAND, CREW_NEEDS_TEAM, NOT_CONFIRMED,
                      NO_ACCOUNT, NO_COUNCIL, NO_STAFF_ROLE, NO_WARD, ROLE_ONE_OF, ROLES_ONLY_FOR_STAFF, TEAM_ONLY_FOR_CREW)

ROLES = ("resident", "crew", "staff", "admin")


def create_user(deps, email, role, name=None, password=None, team=None, categories=None, wards=None, roles=None):
    """A person, and what the council the work is for grants them (nothing for a resident)."""
    _check_role(deps, role, team)
    roles = staff_roles(role, roles)
    email = normalise_email(email)
    if password is not None:
        problems = passwords.check_password(password, email=email, name=name)
        if problems:
            raise ValidationFailed([("password", m) for m in problems])
    now = deps.clock()
    user = User(id="u_" + deps.new_opaque_id(), email=email, email_verified=True, name=name,
                password_hash=passwords.hash_password(password) if password else None, created_at=now)
    grant = None if role == "resident" else Grant(user_id=user.id, role=role, team=team, roles=roles,
                                                    scope=_scope(deps, categories, wards), changed_at=now)
    try:
        deps.accounts.create_user(user, [f"email#{email}"], grant)
    except AlreadyExists:
        raise Conflict(ACCOUNT_EXISTS.format(email=email), code="email_taken")
    return user


def set_role(deps, email, role, team=None, categories=None, wards=None, roles=None):
    """The person's kind (and team, scope) at the council the work is for, their sessions there ended;
    `roles` None keeps a staff member's roles as they were. Their Grant here, or None (a resident)."""
    _check_role(deps, role, team)
    user = _proven(deps, email, powers=role != "resident")
    grant = own_grant(user, deps.grants)
    kept = list(grant.roles or []) if roles is None and role == "staff" and grant is not None else roles
    roles = staff_roles(role, kept)
    if role == "resident":
        deps.grants.remove(grant, user)
        grant = None
    else:
        grant = grant or Grant(user_id=user.id, role=role)
        give_roles(grant, roles, BY_COMMAND, deps.clock())
        grant.role, grant.team, grant.scope, grant.changed_at = role, team, _scope(deps, categories, wards), deps.clock()
        deps.grants.put(grant, user)
    deps.accounts.end_sessions(user.id)  # here: their tokens were issued for what they were
    from ..alerts.crew_points import forget_other_teams
    forget_other_teams(deps, user.id, team)
    return grant


def set_break_glass(deps, email, allowed):
    """An administrator of the council the work is for may sign in with a password there (`allowed`), where
    its officers sign in with its directory (handlers/accounts/break_glass.py), or no longer."""
    user = _proven(deps, email, powers=allowed)
    grant = own_grant(user, deps.grants)
    if grant is None or grant.role != "admin":
        raise ApiError(BREAK_GLASS_ADMINS_ONLY, code="not_admin")
    grant.break_glass = bool(allowed)
    deps.grants.put(grant, user)
    return grant


def set_operator(deps, email, operator):
    """The person is the deployment's operator from now (`operator` True), or no longer: a flag on the
    person, read on each request, so it holds (or ends) at once at every council's address."""
    user = _proven(deps, email, powers=operator)
    user.operator = bool(operator)
    deps.accounts.save_user(user)
    return user


def _proven(deps, email, powers):
    """The account of `email` (NotFound); given `powers`, one whose address its owner has proven."""
    user = deps.accounts.user_by_identity(f"email#{normalise_email(email)}")
    if user is None:
        raise NotFound(NO_ACCOUNT.format(email=email))
    if powers and not user.email_verified:
        # Anyone can register an address before its owner does; only a proven
        # address may be given powers.
        raise ApiError(NOT_CONFIRMED.format(email=email), code="email_not_verified")
    return user


def _check_role(deps, role, team):
    from ... import tenancy
    from ...councils.registry import settings_of
    if role not in ROLES:
        raise ApiError(ROLE_ONE_OF.format(roles=", ".join(ROLES)), code="invalid_role")
    if tenancy.current() != tenancy.default() and settings_of(tenancy.current()) is None:
        raise NotFound(NO_COUNCIL.format(council=tenancy.current()), code="council_not_found")
    if role == "crew" and not team:
        raise ApiError(CREW_NEEDS_TEAM, code="team_required")
    if team and role != "crew":
        raise ApiError(TEAM_ONLY_FOR_CREW, code="team_not_for_role")
    if team:
        from ..staff.teams import active_team
        active_team(deps, team)


def staff_roles(role, roles):
    """`roles` checked against the council's roles file: staff accounts only (an administrator opens every desk)."""
    from ...auth.desks import role_ids
    roles = list(dict.fromkeys(roles or []))
    if roles and role != "staff":
        raise ApiError(ROLES_ONLY_FOR_STAFF, code="roles_not_for_role")
    known = role_ids()
    for unknown in (r for r in roles if r not in known):
        raise ApiError(NO_STAFF_ROLE.format(role=unknown, roles=", ".join(known)), code="unknown_staff_role")
    return roles


def _scope(deps, categories, wards):
    """A staff member's scope: the categories and wards they handle (none: all)."""
    unknown = [w for w in wards or [] if deps.wards.get(w) is None]
    if unknown:
        raise ApiError(NO_WARD.format(ward=unknown[0]), code="unknown_ward")
    scope = {"categories": categories, "wards": wards}
    return {k: list(v) for k, v in scope.items() if v}
