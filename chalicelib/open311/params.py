"""Reading what Open311 clients send: W3C dates, paging numbers, form bodies
and the `attribute[code]` / `attribute[code][]` names of a service's fields."""
import re
from datetime import datetime, timezone
from urllib.parse import parse_qsl

from .formats import Open311Error

ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]+)\](\[\])?$")
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
MAX_MULTIPART = 12 * 1024 * 1024  # room for the photo part we skip
MAX_BODY = 256 * 1024  # text fields only; photos arrive by URL or through /v1


def w3c_datetime(value, name):
    """A W3C date or date-time; no offset means UTC. Bad input is a 400."""
    text = (value or "").strip()
    try:
        parsed = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        raise Open311Error(400, f"{name}: must be a W3C date-time such as 2026-11-01T09:30:00Z.")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def positive_int(value, name, default, highest):
    if value in (None, ""):
        return default
    if not str(value).isdigit() or not 1 <= int(value) <= highest:
        raise Open311Error(400, f"{name}: must be a whole number from 1 to {highest}.")
    return int(value)


def form(raw_body, content_type):
    """The POST body as (name, value) pairs, in order: form-urlencoded, or
    multipart/form-data whose file parts (a `media` photo) are skipped."""
    mime = (content_type or "").split(";")[0].strip().lower()
    if not raw_body:
        return []
    if mime not in (FORM, MULTIPART):
        raise Open311Error(400, f"Send the request as {FORM} or {MULTIPART}; "
                                f"{mime or 'this type'} is not supported.")
    if mime == MULTIPART:
        return _multipart(raw_body, content_type)
    if len(raw_body) > MAX_BODY:
        raise Open311Error(400, "The request body is too large.")
    try:
        return parse_qsl(raw_body.decode("utf-8"), keep_blank_values=True, max_num_fields=500)
    except (UnicodeDecodeError, ValueError):
        raise Open311Error(400, "The request body is not valid UTF-8 form data.")


def _multipart(raw_body, content_type):
    # The standard library's e-mail parser reads MIME multipart; no new dependency.
    from email.parser import BytesParser
    from email.policy import HTTP
    if len(raw_body) > MAX_MULTIPART:
        raise Open311Error(400, "The request body is too large.")
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1", "replace") + b"\r\n\r\n" + raw_body)
    if not message.is_multipart():
        raise Open311Error(400, "The multipart body could not be read (is the boundary right?).")
    pairs = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not name or part.get_filename() is not None:
            continue  # a file (media): photos go through /v1/uploads for now
        payload = part.get_payload(decode=True) or b""
        pairs.append((name, payload.decode(part.get_content_charset() or "utf-8", "replace")))
    return pairs


def first_values(pairs):
    """Plain parameters: the first value of each name wins."""
    values = {}
    for name, value in pairs:
        values.setdefault(name, value)
    return values


def attributes(pairs, service):
    """attribute[code]=v and attribute[code][]=v1&...[]=v2 as /v1 `fields`.

    Repeating attribute[code] also makes a list, as some clients do that for
    multivaluelist; unknown codes pass through so the shared validation names
    them. A datetime value keeps its date: Doorstep's date fields are dates.
    """
    kinds = {f["code"]: f["type"] for f in service.get("fields", [])} if service else {}
    fields = {}
    for name, value in pairs:
        match = ATTRIBUTE.match(name)
        if not match:
            continue
        code, is_list = match.group(1), bool(match.group(2))
        if kinds.get(code) == "date" and len(value) > 10 and value[10] in "T ":
            value = value[:10]
        if kinds.get(code) == "multi_choice" or is_list:
            fields.setdefault(code, [])
            if isinstance(fields[code], list) and value != "":
                fields[code].append(value)
        else:
            fields.setdefault(code, value)
    return fields
