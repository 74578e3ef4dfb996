"""PATCH (RFC 7644 section 3.5.2) applied to a user's or a group's state (resources.py), as Entra ID sends it:
op in any case ("Replace", "Add", "Remove"), "True" and "False" for active, no path and an object of
attributes as the value (keys dotted, "name.givenName", or named with their schema's URN), a filter in the
path (`emails[type eq "work"].value`, `members[value eq "..."]`), members added and removed by value lists.
An attribute this endpoint does not keep is let be (the enterprise extension's, phoneNumbers...)."""
import copy
import json
import re

from .errors import bad
from .resources import ENTERPRISE, PATCH_OP, boolean
from . import wording

MOST_OPERATIONS = 100
PATH = re.compile(r'^([A-Za-z][\w$-]*)'  # the attribute
                  r'(?:\[\s*([A-Za-z][\w$-]*)\s+eq\s+("(?:[^"\\]|\\.)*"|true|false)\s*\])?'  # a value filter
                  r'(?:\.([A-Za-z][\w$-]*))?$', re.IGNORECASE)  # a sub-attribute
CORE = re.compile(r"^urn:ietf:params:scim:schemas:core:2\.0:(user|group):", re.IGNORECASE)
USER_NAMES = {"username": "userName", "externalid": "externalId", "active": "active", "displayname": "displayName",
              "name": "name", "emails": "emails"}
GROUP_NAMES = {"displayname": "displayName", "externalid": "externalId", "members": "members"}
IGNORED = object()  # a path to an attribute this endpoint does not keep


def operations(body):
    """[(op, path or None, value)] of a PatchOp body; 400 invalidSyntax when it is not one."""
    if not isinstance(body, dict):
        raise bad(wording.PATCH_BODY, "invalidSyntax")
    schemas = body.get("schemas")
    ops = body.get("Operations", body.get("operations"))
    if schemas is not None and (not isinstance(schemas, list) or PATCH_OP not in schemas):
        raise bad(wording.PATCH_BODY, "invalidSyntax")
    if not isinstance(ops, list) or not 1 <= len(ops) <= MOST_OPERATIONS:
        raise bad(wording.PATCH_OPS.format(most=MOST_OPERATIONS), "invalidSyntax")
    found = []
    for op in ops:
        if not isinstance(op, dict):
            raise bad(wording.PATCH_BODY, "invalidSyntax")
        name = op.get("op")
        if not isinstance(name, str) or name.lower() not in ("add", "replace", "remove"):
            raise bad(wording.PATCH_OP.format(op=str(name)[:40]), "invalidSyntax")
        path = op.get("path")
        if path is not None and (not isinstance(path, str) or not path.strip()):
            raise bad(wording.PATCH_PATH.format(path=str(path)[:100]), "invalidPath")
        found.append((name.lower(), path.strip() if path else None, op.get("value")))
    return found


def apply(state, ops, names):
    """A copy of `state` with `ops` applied; `names` the resource's attributes (USER_NAMES, GROUP_NAMES)."""
    state = copy.deepcopy(state)
    for op, path, value in ops:
        if path is None:
            if op == "remove":
                raise bad(wording.PATCH_REMOVE_PATH, "noTarget")
            if not isinstance(value, dict):
                raise bad(wording.PATCH_VALUE, "invalidValue")
            for key, inner in value.items():
                if isinstance(key, str) and key.lower() == ENTERPRISE.lower():
                    continue  # the enterprise extension's object: not kept
                _one(state, op, _parsed(key, names), inner)
        else:
            _one(state, op, _parsed(path, names), value)
    return state


def _parsed(path, names):
    """(attribute, filter (name, value) or None, sub-attribute or None), or IGNORED."""
    if not isinstance(path, str):
        raise bad(wording.PATCH_PATH.format(path=str(path)[:100]), "invalidPath")
    if path.lower().startswith(ENTERPRISE.lower()):
        return IGNORED
    bare = CORE.sub("", path)
    if bare.lower().startswith("urn:"):
        return IGNORED  # another extension's attribute
    found = PATH.match(bare)
    if found is None:
        raise bad(wording.PATCH_PATH.format(path=path[:100]), "invalidPath")
    attribute = names.get(found.group(1).lower())
    if attribute is None:
        return IGNORED
    where = None
    if found.group(2):
        where = (found.group(2), json.loads(found.group(3).lower() if found.group(3)[0] != '"' else found.group(3)))
    return attribute, where, found.group(4)


def _one(state, op, parsed, value):
    if parsed is IGNORED:
        return
    attribute, where, sub = parsed
    if attribute == "members":
        return _members(state, op, where, value)
    if attribute == "emails":
        return _emails(state, op, where, sub, value)
    if attribute == "name":
        return _name(state, op, sub, value)
    if where is not None or sub is not None:
        raise bad(wording.PATCH_PATH.format(path=attribute), "invalidPath")
    if op == "remove":
        state[attribute] = None
    else:
        state[attribute] = boolean(value, attribute) if attribute == "active" else value


def _name(state, op, sub, value):
    name = state.get("name") or {}
    if sub is None:
        if op == "remove":
            name = {}
        elif not isinstance(value, dict):
            raise bad(wording.NOT_OBJECT.format(attribute="name"))
        else:
            name = {**name, **value} if op == "add" else dict(value)
    elif op == "remove":
        name.pop(sub, None)
    else:
        name[sub] = value
    state["name"] = name


def _emails(state, op, where, sub, value):
    emails = list(state.get("emails") or [])
    if where is None:
        if sub is not None:
            raise bad(wording.PATCH_PATH.format(path=f"emails.{sub}"), "invalidPath")
        items = value if isinstance(value, list) else [value]
        state["emails"] = [] if op == "remove" else (emails + items if op == "add" else items)
        return
    key, wanted = where
    matches = [e for e in emails if isinstance(e, dict) and _equal(e.get(key), wanted)]
    if op == "remove":
        if sub is None:
            emails = [e for e in emails if e not in matches]
        for e in matches if sub is not None else ():
            e.pop(sub, None)
    elif sub is None:
        if not isinstance(value, dict):
            raise bad(wording.NOT_OBJECT.format(attribute="emails"))
        emails = [e for e in emails if e not in matches] + [{**value, key: wanted}]
    elif matches:
        for e in matches:
            e[sub] = value
    else:  # Entra's emails[type eq "work"].value for a person with no work address yet: one made
        emails.append({key: wanted, sub: value, **({"primary": True} if not any(e.get("primary") for e in emails)
                                                    else {})})
    state["emails"] = emails


def _equal(have, wanted):
    if isinstance(have, str) and isinstance(wanted, str):
        return have.lower() == wanted.lower()  # type, value: not case-exact (RFC 7643 section 2.4)
    return have == wanted


def _members(state, op, where, value):
    members = set(state.get("members") or ())
    if where is not None:
        key, wanted = where
        if key.lower() != "value" or op != "remove" or not isinstance(wanted, str):
            raise bad(wording.PATCH_PATH.format(path="members[...]"), "invalidPath")
        members.discard(wanted)
    elif op == "remove" and value is None:
        members = set()
    else:
        named = member_ids(value)
        members = members - named if op == "remove" else (members | named if op == "add" else named)
    state["members"] = members


def member_ids(value):
    """The user ids a members value names ([{"value": id}, ...], or one such object)."""
    items = value if isinstance(value, list) else [value] if isinstance(value, dict) else None
    if items is None or not all(isinstance(m, dict) and isinstance(m.get("value"), str) and m["value"]
                                for m in items):
        raise bad(wording.MEMBER)
    return {m["value"] for m in items}
