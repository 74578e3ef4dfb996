"""If-Match: shared things (a report at the staff desk, a crew's job, a
response template) are edited by naming the version the edit was made to,
so a second editor is told instead of silently overwriting the first."""
import re

from ...errors import PreconditionRequired, ValidationFailed

ETAG = re.compile(r'^(?:W/)?"?(\d{1,12})"?$')


def expected_version(if_match, read_from="GET /v1/staff/reports/{id}"):
    """The item version an If-Match header names ("*" names none: the
    change must say which version it was made to)."""
    value = (if_match or "").strip()
    if not value or value == "*":
        raise PreconditionRequired(f"Send If-Match with the ETag (or version) of the item as you read it "
                                   f"({read_from}), so no one else's change is lost.")
    match = ETAG.match(value)
    if not match:
        raise ValidationFailed([("If-Match", f"Must be the ETag {read_from} gave, e.g. \"3\".")])
    return int(match.group(1))
