"""Identifiers, tokens and the clock: passed into domain code so tests control them."""
import hashlib
import secrets
from datetime import datetime, timezone

# No 0/O, 1/I/L or U: a reference read over the phone cannot be misheard
# as another (Crockford's reasoning).
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REPORT_PREFIX = "DS-"
REPORT_ID_LENGTH = 6  # 30**6 = 729 million references; collisions retried


def new_reference(prefix, length=10):
    """A reference a person may read out: `prefix` and `length` letters and digits nobody mishears."""
    return prefix + "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_report_id():
    return new_reference(REPORT_PREFIX, REPORT_ID_LENGTH)


def normalise_report_id(value):
    """Accept what a resident types: any case, spaces, a missing prefix."""
    value = "".join(value.split()).upper()
    if not value.startswith(REPORT_PREFIX):
        value = REPORT_PREFIX + value.removeprefix("DS")
    return value


def is_report_id(value):
    body = value[len(REPORT_PREFIX):]
    return value.startswith(REPORT_PREFIX) and len(body) == REPORT_ID_LENGTH and all(
        c in ALPHABET for c in body)


def new_token():
    return secrets.token_urlsafe(24)


def new_opaque_id():
    return secrets.token_hex(16)


def digest(value):
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


def constant_time_equal(a, b):
    return secrets.compare_digest(a, b)


def utc_now():
    # Microseconds kept: who hears of an event is decided by whether their alert
    # was made before it, and at whole seconds two steps a moment apart tie.
    # The API still writes whole seconds (stamps.stamp).
    return datetime.now(timezone.utc)


def planning_id(reference):
    """Our id of a planning application: its reference as one path segment
    ("24/01234/FUL" -> "24-01234-ful"), so a link reads as the council's own
    reference. Here, beneath every capability, because the agenda's sync
    (democracy) names applications by it as the planning capability does."""
    import re
    return re.sub(r"[^a-z0-9]+", "-", reference.lower()).strip("-")[:80] or "x"
