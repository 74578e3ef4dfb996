"""Which staff roles open which desks at the council the work is for: its
settings' own roles (`staff_roles`, checked when the settings are changed),
else the packaged roles file (chalicelib/data/staff_roles.json, or the file
DOORSTEP_STAFF_ROLES names), read on first use and checked then, so a mistake
in it stops the first staff request with what is wrong rather than opening or
closing desks by accident. A role one council names opens nothing at another.

A desk is a group of staff routes (`desk("halls")` beside each): the code's,
so the deployment's, named in the file; a role opens desks; an officer holds
roles; an administrator opens every desk."""
import json
import os
import threading
from pathlib import Path

DEFAULT_FILE = Path(__file__).resolve().parents[1] / "data" / "staff_roles.json"
ACCOUNT_KINDS = ("resident", "crew", "staff", "admin")  # what a grant makes a person: never a staff role's name
_loaded = {}
_lock = threading.Lock()


class RolesFileInvalid(RuntimeError):
    """The council's roles file is not what this module can trust."""


def roles_file():
    return Path(os.environ.get("DOORSTEP_STAFF_ROLES") or DEFAULT_FILE)


def configuration():
    """{"desks": {id: {name, personal_data, what}}, "roles": {id: {name, desks, reads, changes}}}, checked:
    the desks the file's, the roles the council's own where its settings name some (no read on a warm
    function: the settings are kept as the council's address is, councils/registry.py)."""
    packaged = packaged_configuration()
    own = council_roles()
    return packaged if own is None else {"desks": packaged["desks"], "roles": own}


def council_roles():
    """The staff roles the settings of the council the work is for name, or None (the packaged file's)."""
    from .. import tenancy
    from ..councils.registry import settings_of
    found = settings_of(tenancy.current())
    return (found[0].get("staff_roles") or {}).get("roles") if found else None


def packaged_configuration():
    """The roles file's desks and roles, checked when first read."""
    path = roles_file()
    with _lock:
        if path not in _loaded:
            _loaded.clear()  # one file at a time: a test that points elsewhere is not mixed with the default
            _loaded[path] = checked(_read(path), path)
        return _loaded[path]


def _read(path):
    try:
        return json.loads(Path(path).read_text())
    except (OSError, ValueError) as e:
        raise RolesFileInvalid(f"{path}: cannot be read as JSON ({e})") from None


def checked(document, path="the roles file"):
    problems = []
    desks = document.get("desks") if isinstance(document, dict) else None
    roles = document.get("roles") if isinstance(document, dict) else None
    if not isinstance(desks, dict) or not desks:
        problems.append("'desks' must name at least one desk")
        desks = {}
    if not isinstance(roles, dict):
        problems.append("'roles' must be an object of roles")
        roles = {}
    for desk_id, desk in desks.items():
        if not isinstance(desk, dict) or not _text(desk.get("name")) or not _text(desk.get("what")):
            problems.append(f"desk {desk_id!r} needs a 'name' and, in words, 'what' it holds")
        elif not isinstance(desk.get("personal_data"), bool):
            problems.append(f"desk {desk_id!r} must say whether it shows personal data ('personal_data': true or false)")
    for role_id, role in roles.items():
        if role_id in ACCOUNT_KINDS:
            problems.append(f"role {role_id!r} is an account's kind, not a staff role: name it otherwise")
        if not isinstance(role, dict) or not all(_text(role.get(k)) for k in ("name", "reads", "changes")):
            problems.append(f"role {role_id!r} needs a 'name' and, in words, what it 'reads' and 'changes'")
            continue
        opened = role.get("desks")
        if not isinstance(opened, list) or not opened or not all(isinstance(d, str) for d in opened):
            problems.append(f"role {role_id!r} must open at least one desk ('desks': a list of desk ids)")
            continue
        problems += [f"role {role_id!r} opens {d!r}, which is not a desk of the file" for d in opened if d not in desks]
    if problems:
        raise RolesFileInvalid(f"{path}: " + "; ".join(problems))
    return {"desks": desks, "roles": roles}


def _text(value):
    return isinstance(value, str) and bool(value.strip())


def desk_ids():
    return list(configuration()["desks"])


def role_ids():
    return list(configuration()["roles"])


def desks_of_roles(roles):
    """The desks `roles` open, in the file's order of desks; a role the file no longer names opens none."""
    config = configuration()
    opened = {d for r in roles or () for d in config["roles"].get(r, {}).get("desks", ())}
    return [d for d in config["desks"] if d in opened]


def desk_name(desk):
    return configuration()["desks"].get(desk, {}).get("name", desk)


def opens(principal, desk):
    """Whether `principal` may use `desk`: an administrator always; other staff through a role."""
    return principal is not None and account_opens(principal.role, principal.roles, desk)


def account_opens(role, roles, desk):
    """Whether an account of `role` holding staff `roles` opens `desk` (a caller's, or an account read from
    storage, such as an alert's subscriber)."""
    if role == "admin":
        return True
    return role == "staff" and desk in desks_of_roles(roles)


def desks_for(principal):
    """The desks `principal` opens, in the file's order (an administrator: every desk)."""
    if principal is None or not principal.is_staff:
        return []
    return desk_ids() if principal.role == "admin" else desks_of_roles(principal.roles)
