"""If-Match: shared things (a report at the staff desk, a crew's job, a
response template) are edited by naming the version the edit was made to,
so a second editor is told instead of silently overwriting the first."""
import re

from ...api.openapi import ETAG_PATTERN
from ...errors import PreconditionRequired, ValidationFailed
from .wording import IF_MATCH_NEEDED, IF_MATCH_NOT_ETAG

ETAG = re.compile(ETAG_PATTERN)  # the pattern every If-Match in /openapi.json states


def expected_version(if_match, read_from="GET /v1/staff/reports/{id}"):
    """The item version an If-Match header names ("*" names none: the
    change must say which version it was made to)."""
    value = (if_match or "").strip()
    if not value or value == "*":
        raise PreconditionRequired(IF_MATCH_NEEDED.format(read_from=read_from))
    match = ETAG.match(value)
    if not match:
        raise ValidationFailed([("If-Match", IF_MATCH_NOT_ETAG.format(read_from=read_from))])
    return int(match.group(1))
