"""Our id of an application: its reference as one path segment, so a link
reads as the council's own reference ("24/01234/FUL" -> "24-01234-ful")."""
import re

ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,79}$"
_RUN = re.compile(r"[^a-z0-9]+")


def of(reference):
    return _RUN.sub("-", reference.lower()).strip("-")[:80] or "x"
