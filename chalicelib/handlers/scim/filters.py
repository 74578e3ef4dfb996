"""The filters this endpoint takes (RFC 7644 section 3.4.2.2): `<attribute> eq "<value>"` on what a
directory matches by (Entra ID: userName, externalId; displayName for groups) and id. Anything else is 400
invalidFilter, never a list of everyone."""
import json
import re

from .errors import bad
from . import wording

ATTRIBUTES = {"username": "userName", "externalid": "externalId", "displayname": "displayName", "id": "id"}
# attribute, then eq (any case), then a JSON string: RFC 7644's compValue for a string
EQ = re.compile(r'^\s*([A-Za-z][A-Za-z0-9_:.-]*)\s+eq\s+("(?:[^"\\]|\\.)*")\s*$', re.IGNORECASE)
URN = "urn:ietf:params:scim:schemas:core:2.0:"  # an attribute may be named with its schema's URN


def parse(text, allowed=("userName", "externalId", "displayName", "id")):
    """(attribute, value) of a filter, or None for none; 400 invalidFilter for any other."""
    if text is None:
        return None
    found = EQ.match(text) if isinstance(text, str) and len(text) <= 1000 else None
    if found is None:
        raise bad(wording.FILTER.format(filter=str(text)[:100]), "invalidFilter")
    name = found.group(1)
    if name.lower().startswith(URN):
        name = name[len(URN):].split(":", 1)[-1]
    attribute = ATTRIBUTES.get(name.lower())
    try:
        value = json.loads(found.group(2))
    except ValueError:
        value = None
    if attribute not in allowed or not isinstance(value, str):
        raise bad(wording.FILTER.format(filter=text[:100]), "invalidFilter")
    return attribute, value
