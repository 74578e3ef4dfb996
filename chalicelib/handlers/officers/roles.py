"""The council's roles and desks as officers and administrators read them,
and an administrator setting an officer's roles: checked against the
council's roles, with the version of the officer's grant at this council
(If-Match), recorded on that grant (who, when, before and after), and ending
the officer's sessions here, since their tokens were issued for the desks
they had."""
from ...auth import desks
from ...auth.grants import known_here, own_grant
from ...errors import ApiError, NotFound, Stale, ValidationFailed
from ...storage.errors import EditConflict
from ...auth.grants import give_roles
from .wording import EMAIL_NEEDED, NO_ACCOUNT, ROLES_FROM_DIRECTORY, NOT_STAFF, ROLES_LIST, UNEXPECTED_FIELD, UNKNOWN_ROLE


def my_desks(deps):
    """The desks the caller's roles open (an administrator: every desk), in the council's order, but a desk
    every route of which is of a service this council does not provide: it would answer nothing else."""
    me, config, off = deps.principal, desks.configuration(), desks_not_offered()
    return {"desks": [{"id": d, "name": config["desks"][d]["name"]} for d in desks.desks_for(me) if d not in off],
            "roles": [{"id": r, "name": config["roles"][r]["name"]} for r in me.roles if r in config["roles"]],
            "administrator": me.role == "admin"}


def desks_not_offered():
    """The desks whose every route is of a service the council has switched off (councils/services.py), from
    the settings the process keeps: no read."""
    from ... import tenancy
    from ...api.registry import REGISTRY
    from ...auth.rules import desk_of
    from ...councils.registry import settings_of
    from ...councils.services import offered, service_of
    found = settings_of(tenancy.current())
    on, by_desk = offered(found[0] if found else None), {}
    for route in REGISTRY.routes.values():
        if desk_of(route.access):
            by_desk.setdefault(desk_of(route.access), set()).add(service_of(route))
    return {d for d, names in by_desk.items() if None not in names and not any(on[name] for name in names)}


def all_roles():
    config = desks.configuration()
    return {"roles": [{"id": r, **{k: role[k] for k in ("name", "desks", "reads", "changes")}}
                      for r, role in config["roles"].items()],
            "desks": [{"id": d, **{k: desk[k] for k in ("name", "what", "personal_data")}}
                      for d, desk in config["desks"].items()]}


def officer_view(user, grant):
    """An account as an administrator of this council sees it: what this council grants it (none: a resident)."""
    config = desks.configuration()
    role, roles = (grant.role, list(grant.roles or [])) if grant is not None else ("resident", [])
    return {"id": user.id, "email": user.email, "name": user.name, "role": role, "roles": roles,
            "desks": desks.desk_ids() if role == "admin" else desks.desks_of_roles(roles),
            "scope": dict(grant.scope or {}) if grant is not None else {},
            "roles_history": [{**entry} for entry in (grant.roles_history if grant is not None else None) or []],
            "unknown_roles": [r for r in roles if r not in config["roles"]],
            "version": int(grant.version or 0) if grant is not None else 0}


def find_officer(deps, email):
    from ..accounts.auth import normalise_email
    if not isinstance(email, str) or "@" not in email:
        raise ValidationFailed([("email", EMAIL_NEEDED)])
    user = deps.accounts.user_by_identity(f"email#{normalise_email(email)}")
    if user is None or not known_here(user):  # another council's people are answered as nobody
        raise NotFound(NO_ACCOUNT.format(email=email), code="officer_not_found")
    return officer_view(user, own_grant(user, deps.grants))


def set_roles(deps, user_id, body, version):
    from ...auth import directory
    roles = _roles(body)
    user = deps.accounts.user(user_id)
    if user is None or not known_here(user):
        raise NotFound(NO_ACCOUNT.format(email=user_id), code="officer_not_found")
    grant = own_grant(user, deps.grants)
    if grant is not None and grant.source == directory.BY:  # its groups give it again at every sign-in
        raise ApiError(ROLES_FROM_DIRECTORY, code="roles_from_directory", status=409)
    if grant is None or grant.role != "staff":
        role = grant.role if grant is not None else "resident"
        raise ApiError(NOT_STAFF.format(email=user.email, role=role), code="not_staff", status=409)
    if int(grant.version or 0) != version:
        raise Stale(officer_view(user, grant), f'"{int(grant.version or 0)}"')
    if not give_roles(grant, roles, deps.principal.email or deps.principal.user_id, deps.clock()):
        return officer_view(user, grant)  # the roles they hold already: nothing to record, no session to end
    try:
        deps.grants.put(grant, user)
    except EditConflict:  # changed between the read and the write (another administrator)
        now = own_grant(deps.accounts.user(user_id), deps.grants)
        raise Stale(officer_view(user, now), f'"{int(now.version or 0) if now else 0}"')
    deps.accounts.end_sessions(user.id)  # tokens issued for the old desks end now, at this council
    return officer_view(user, grant)


def _roles(body):
    if not isinstance(body, dict) or set(body) - {"roles"}:
        raise ValidationFailed([(k, UNEXPECTED_FIELD) for k in (body if isinstance(body, dict) else ["roles"])
                                if k != "roles"] or [("roles", ROLES_LIST)])
    roles = body.get("roles")
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        raise ValidationFailed([("roles", ROLES_LIST)])
    known = desks.role_ids()
    unknown = [r for r in roles if r not in known]
    if unknown:
        raise ValidationFailed([("roles", UNKNOWN_ROLE.format(role=unknown[0], roles=", ".join(known)))])
    return list(dict.fromkeys(roles))
