"""Users and groups as SCIM writes them (RFC 7643 sections 4.1 and 4.2), and what a body sent is made into:
the attributes kept (`state`, a plain dict: userName, externalId, active, displayName, name, emails; or
displayName, externalId, members), checked. Attributes this endpoint does not keep (Entra ID's enterprise
extension, phoneNumbers, title, roles...) are taken and let be, as RFC 7644 section 3.3 allows."""
from ...stamps import stamp
from .errors import bad
from . import wording

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
NAME_PARTS = ("formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix")
EMAIL_PARTS = ("value", "type", "primary", "display")
TEXT_MOST = 256
EMAIL_MOST = 320
EMAILS_MOST = 10
USER_ATTRIBUTES = ("userName", "externalId", "active", "displayName", "name", "emails")
GROUP_ATTRIBUTES = ("displayName", "externalId", "members")


def user_state(user):
    return {"userName": user.user_name, "externalId": user.external_id, "active": bool(user.active),
            "displayName": user.display_name, "name": dict(user.name or {}), "emails": [dict(e) for e in user.emails or []]}


def group_state(group):
    return {"displayName": group.display_name, "externalId": group.external_id, "members": set(group.members or ())}


def user_view(user, base):
    found = {"schemas": [USER], "id": user.id, "userName": user.user_name, "active": bool(user.active)}
    for key, value in (("externalId", user.external_id), ("displayName", user.display_name),
                       ("name", user.name or None), ("emails", user.emails or None)):
        if value:
            found[key] = value
    found["groups"] = [{"value": g, "$ref": f"{base}/scim/v2/Groups/{g}"} for g in sorted(user.groups or ())]
    found["meta"] = _meta("User", user, f"{base}/scim/v2/Users/{user.id}")
    return found


def group_view(group, base, members=True):
    found = {"schemas": [GROUP], "id": group.id, "displayName": group.display_name}
    if group.external_id:
        found["externalId"] = group.external_id
    if members:
        found["members"] = [{"value": m, "$ref": f"{base}/scim/v2/Users/{m}", "type": "User"}
                            for m in sorted(group.members or ())]
    found["meta"] = _meta("Group", group, f"{base}/scim/v2/Groups/{group.id}")
    return found


def etag(resource):
    return f'W/"{int(resource.version or 0)}"'


def _meta(kind, resource, location):
    return {"resourceType": kind, "created": stamp(resource.created), "lastModified": stamp(resource.last_modified),
            "location": location, "version": etag(resource)}


def list_response(resources, total, start):
    return {"schemas": [LIST], "totalResults": total, "startIndex": start, "itemsPerPage": len(resources),
            "Resources": resources}


# What a body sent may hold, checked: each a 400 invalidValue (or invalidSyntax) naming the attribute.
def checked_user(state):
    state["userName"] = _text(state.get("userName"), "userName", required=True)
    state["externalId"] = _text(state.get("externalId"), "externalId")
    state["displayName"] = _text(state.get("displayName"), "displayName")
    state["active"] = boolean(state.get("active", True), "active")
    state["name"] = _name(state.get("name"))
    state["emails"] = _emails(state.get("emails"))
    return state


def checked_group(state):
    state["displayName"] = _text(state.get("displayName"), "displayName", required=True)
    state["externalId"] = _text(state.get("externalId"), "externalId")
    return state


def boolean(value, attribute):
    """true or false; Entra ID's "True" and "False" (as strings, any case) too (docs/decisions/staff-sign-in.md)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise bad(wording.NOT_BOOLEAN.format(attribute=attribute))


def _text(value, attribute, required=False, most=TEXT_MOST):
    if value is None or (value == "" and not required):
        if required:
            raise bad(wording.USER_NAME_NEEDED if attribute == "userName" else wording.DISPLAY_NAME_NEEDED)
        return None
    if not isinstance(value, str):
        raise bad(wording.NOT_TEXT.format(attribute=attribute))
    if required and not value.strip():
        raise bad(wording.USER_NAME_NEEDED if attribute == "userName" else wording.DISPLAY_NAME_NEEDED)
    if len(value) > most:
        raise bad(wording.TOO_LONG.format(attribute=attribute, most=most))
    return value


def _name(value):
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise bad(wording.NOT_OBJECT.format(attribute="name"))
    kept = {part: _text(value.get(part), f"name.{part}") for part in NAME_PARTS}
    return {part: text for part, text in kept.items() if text}


def _emails(value):
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > EMAILS_MOST:
        raise bad(wording.NOT_LIST.format(attribute="emails"))
    found = []
    for n, email in enumerate(value):
        if not isinstance(email, dict):
            raise bad(wording.NOT_OBJECT.format(attribute=f"emails[{n}]"))
        kept = {"value": _text(email.get("value"), f"emails[{n}].value", most=EMAIL_MOST),
                "type": _text(email.get("type"), f"emails[{n}].type"),
                "display": _text(email.get("display"), f"emails[{n}].display")}
        if email.get("primary") is not None:
            kept["primary"] = boolean(email["primary"], f"emails[{n}].primary")
        kept = {k: v for k, v in kept.items() if v is not None}
        if kept.get("value"):
            found.append(kept)
    return found


def work_email(state):
    """The address to reach the person at: the primary e-mail, else the work one, else the first."""
    emails = state.get("emails") or []
    chosen = (next((e for e in emails if e.get("primary")), None) or
              next((e for e in emails if (e.get("type") or "").lower() == "work"), None) or
              (emails[0] if emails else None))
    return chosen["value"] if chosen else None


def person_name(state):
    """What to call the person: their displayName, else their name as formatted or given and family."""
    name = state.get("name") or {}
    joined = " ".join(p for p in (name.get("givenName"), name.get("familyName")) if p)
    return state.get("displayName") or name.get("formatted") or joined or None


def changed(before, after):
    """{attribute: [before, after]} of what differs between two states."""
    keys = [k for k in after if k != "members"]
    return {k: [before.get(k), after.get(k)] for k in keys if _comparable(before.get(k)) != _comparable(after.get(k))}


def _comparable(value):
    return value if value not in ("", [], {}) else None
