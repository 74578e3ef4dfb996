"""What every SCIM view does around its work: the caller checked as the council's provisioner (token.py), the
body read as JSON whatever its type says (application/scim+json), paging read, and the answer written as
application/scim+json, never cached."""
import json
import re

from ...api import http
from .errors import ScimError, bad
from . import wording

SCIM_JSON = "application/scim+json"
DEFAULT_COUNT = 100
MOST_COUNT = 200  # discovery.MAX_RESULTS
VERSION = re.compile(r'^\s*(?:W/)?"?([0-9]{1,12})"?\s*$')


def begin():
    """(deps, by): the request's dependencies and who its changes are by, once the token is the council's."""
    from .token import provisioner
    deps = http.deps()
    return deps, provisioner(deps, http.header("Authorization"))


def sent():
    """The JSON object sent; 400 invalidSyntax for anything else."""
    raw = http.request().raw_body
    try:
        found = json.loads(raw) if raw else None
    except (ValueError, UnicodeDecodeError, RecursionError):
        found = None
    if not isinstance(found, dict):
        raise bad(wording.BODY_NOT_JSON, "invalidSyntax")
    return found


def expected_version():
    """The version an If-Match names (RFC 7644 section 3.14), or None: a change without one is not checked."""
    found = http.header("If-Match")
    if not found or found.strip() == "*":
        return None
    matched = VERSION.match(found)
    if matched is None:
        raise ScimError(412, wording.VERSION.format(version="other"), "invalidVers")
    return int(matched.group(1))


def page(params):
    """(startIndex, count) as RFC 7644 section 3.4.2.4 reads them: from 1; count at most MOST_COUNT."""
    def number(name, default, least, message):
        value = params.get(name)
        if value in (None, ""):
            return default
        if not re.fullmatch(r"-?[0-9]{1,9}", value.strip()):
            raise bad(message)
        return max(int(value), least)  # "less than 1 SHALL be interpreted as 1", a negative count as 0
    return number("startIndex", 1, 1, wording.START_INDEX), min(number("count", DEFAULT_COUNT, 0, wording.COUNT),
                                                               MOST_COUNT)


def answer(body, status=200, headers=None):
    from chalice.app import Response
    return Response(body=body, status_code=status,
                    headers={"Content-Type": SCIM_JSON, "Cache-Control": "no-store", **(headers or {})})


def nothing():
    from chalice.app import Response
    return Response(body="", status_code=204, headers={"Cache-Control": "no-store"})
