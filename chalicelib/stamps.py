"""The API's one way to write a moment: UTC, whole seconds, "Z"
("2026-11-22T09:30:00Z"), and to read one back."""
from datetime import datetime, timezone

FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def stamp(value):
    """A datetime as the API writes it; None stays None."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc)
    return value.strftime(FORMAT)


def parse(value):
    """A stamp (or any ISO 8601 moment) as a datetime; a datetime stays as it is."""
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) else value
