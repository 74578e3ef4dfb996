"""A council's directory as the source of its officers (docs/decisions/staff-sign-in.md): its staff
sign-in providers, the groups that give desks, and the one function that makes a person's grant at
the council what their groups give now, whether a sign-in or a SCIM change tells them.

Plain values in and out; the stores and the clock are the caller's."""
from dataclasses import dataclass

from .. import tenancy

KIND_ORDER = ("crew", "staff", "admin")  # the highest kind a person's groups give is theirs
DEFAULT_CLAIMS = {"username": "preferred_username", "email": "email", "name": "name", "groups": "groups",
                  "tenant": "tid"}  # Entra ID's names for them in an ID token
BY = "directory"  # who a change is by, in the grant's history and the council's audit
# RFC 8176's methods, by the kind of factor each is: two kinds, or "mfa" itself, is multi-factor.
FACTORS = {"pwd": "know", "pin": "know", "kba": "know", "otp": "have", "hwk": "have", "swk": "have", "sms": "have",
           "tel": "have", "sc": "have", "fpt": "are", "face": "are", "iris": "are", "retina": "are", "vbm": "are"}


@dataclass(frozen=True)
class StaffProvider:
    id: str
    name: str
    issuer: str
    tenant: str
    client_id: str
    client_auth: str
    client_key: str  # the council's secret's name
    claims: dict
    hosts: tuple
    council: str

    @classmethod
    def of_settings(cls, entry, council_id):
        return cls(id=entry["id"], name=entry["name"], issuer=entry["issuer"], tenant=entry["tenant"],
                   client_id=entry["client_id"], client_auth=entry["client_auth"],
                   client_key=entry["client_key"]["secret"], claims={**DEFAULT_CLAIMS, **(entry.get("claims") or {})},
                   hosts=tuple(entry.get("hosts") or ()), council=council_id)

    def secret(self):
        """The client secret, or the private key's PEM: the council's own secret of that name
        (keystore.SecretMissing when the deployment holds none yet)."""
        from .. import keystore
        found = keystore.council_secret(self.council, self.client_key)
        if not found:
            raise keystore.SecretMissing(f"{self.council} has no secret {self.client_key}")
        return found

    def private_key(self):  # the PEM a client assertion is signed with (code_flow.client_assertion)
        return self.secret()


@dataclass(frozen=True)
class Given:
    """What a person's groups give at a council: their kind, roles and team."""
    role: str
    roles: tuple = ()
    team: str | None = None


def section(document):
    """The council's settings' staff sign-in, or {} where it has none."""
    found = (document or {}).get("staff_sign_in")
    return found if isinstance(found, dict) else {}


def providers(council, host=None):
    """The council's staff sign-in providers (those serving `host`, when given), in its settings' order."""
    entries = section(council.document).get("providers") or []
    found = [StaffProvider.of_settings(e, council.id) for e in entries]
    return [p for p in found if host is None or not p.hosts or host in p.hosts]


def named(council, provider_id, host=None):
    return next((p for p in providers(council, host) if p.id == provider_id), None)


def passwords_for_officers(document):
    """Whether an officer of the council may sign in with a password (False: break-glass grants alone)."""
    return section(document).get("passwords", "allowed") != "break_glass"


def mfa_required(document):
    return section(document).get("mfa") == "required"


def given_by(document, groups):
    """What the groups (the directory's ids) give at the council, or None: no desk there."""
    matched = [g for g in section(document).get("groups") or [] if g["group"] in set(groups or ())]
    if not matched:
        return None
    role = max((g["kind"] for g in matched), key=KIND_ORDER.index)
    roles = tuple(dict.fromkeys(r for g in matched for r in g.get("roles") or [])) if role == "staff" else ()
    team = next((g["team"] for g in matched if g["kind"] == "crew"), None)
    return Given(role=role, roles=roles, team=team)


def multi_factor(amr):
    """Whether an ID token's `amr` says the person used more than one kind of factor (RFC 8176)."""
    if not isinstance(amr, list):
        return False
    methods = {m for m in amr if isinstance(m, str)}
    return "mfa" in methods or len({FACTORS[m] for m in methods if m in FACTORS}) >= 2


def person_key(username):
    """The identity key of the council's officer its directory calls `username` (the UPN, as SCIM's userName)."""
    return f"directory#{tenancy.current()}#{username.strip().lower()}"


def regrant(deps, user, given, now):
    """`_regrant`, again from a fresh read when another change to the grant came between (two provisioning
    calls at once, or a sign-in beside one): the last to write made it what the directory says now."""
    from ..storage.errors import EditConflict
    for attempt in range(3):
        try:
            return _regrant(deps, user, given, now)
        except EditConflict:
            if attempt == 2:
                raise
            user = deps.accounts.user(user.id)


def leave(deps, user):
    """The council's directory turned the person off: no grant here, whoever made it, and every session here
    ended, its holder told why at their next call (auth/principal.py)."""
    from .grants import own_grant
    deps.accounts.end_sessions(user.id, "directory_deactivated")  # first: a call meanwhile hears why, not a 403
    grant = own_grant(user, deps.grants)
    if grant is not None:
        deps.grants.remove(grant, user)


def _regrant(deps, user, given, now):
    """Make the person's grant at this council what `given` says (None: none), the change in its history
    by the directory; end their sessions here when it changed (their tokens were issued for the old
    desks). A grant the directory did not make (the command line's break-glass administrator) is the
    council's to keep: the directory changes it only where it gives something. Returns the grant."""
    from ..storage.records import Grant
    from .grants import give_roles, own_grant
    grant = own_grant(user, deps.grants)
    if given is None:
        if grant is None or grant.source != BY:
            return grant
        deps.grants.remove(grant, user)
        deps.accounts.end_sessions(user.id)
        return None
    fresh = grant is None
    if fresh:
        grant = Grant(user_id=user.id, role=given.role, team=given.team, source=BY, changed_at=now)
    # Desks are read from the grant at every request, so a change of roles holds at the officer's next call
    # without ending their session: a directory adds an officer's groups one by one (Entra's provisioning
    # sends a membership at a time), and ending the session at each would sign them out for a group added.
    # A change of kind (staff to crew, or administrator) does end it: the screens the app offers follow it.
    kind_changed = not fresh and (grant.role, grant.team) != (given.role, given.team)
    changed = fresh or kind_changed or grant.source != BY
    grant.role, grant.team, grant.source = given.role, given.team, BY
    changed = give_roles(grant, list(given.roles), BY, now) or changed
    if changed:
        grant.changed_at = now
        deps.grants.put(grant, user)
        if kind_changed:
            deps.accounts.end_sessions(user.id)
    return grant


def person(deps, username, email, name, now):
    """The council's officer its directory calls `username`: found by the council's key for it, else made
    (a joiner SCIM provisions before their first sign-in, or one who signs in first). Their work e-mail is
    kept on the account to reach them, never as a key: a resident's account with that address stays theirs."""
    from ..storage.errors import AlreadyExists
    from ..storage.records import User
    key = person_key(username)
    found = deps.accounts.user_by_identity(key)
    if found is not None:
        return found
    user = User(id="u_" + deps.new_opaque_id(), email=(email or "").strip().lower() or None,
                email_verified=bool(email), email_from=BY if email else None, name=name, created_at=now)
    try:
        deps.accounts.create_user(user, [key])
    except AlreadyExists:  # a racing provisioning call, or sign-in, made them first
        return deps.accounts.user_by_identity(key)
    return user
