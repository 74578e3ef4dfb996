"""Reading what Open311 clients send: W3C dates, paging numbers, form bodies
(with their photo file parts, read once a request), `media_url`s and the
`attribute[code]` / `attribute[code][]` names of a service's fields."""
import re
import weakref
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlsplit

from ...api.open311_formats import Open311Error
from .limits import MAX_ATTRIBUTE_VALUE, MAX_EXTRA_ATTRIBUTES, MAX_MEDIA_URLS, MAX_PHOTOS, MAX_URL, PHOTO_MAX_BYTES

ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]+)\](\[\])?$")
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
MAX_MULTIPART = 12 * 1024 * 1024  # API Gateway takes 10 MB at most; a little room beyond
MAX_BODY = 256 * 1024  # text fields only; photos come as multipart file parts or by URL
MAX_FILES, MAX_FILE_BYTES = MAX_PHOTOS, PHOTO_MAX_BYTES  # as /v1's photos


@dataclass(frozen=True)
class FilePart:
    name: str
    filename: str
    content_type: str
    data: bytes


def w3c_datetime(value, name):
    """A W3C date or date-time; no offset means UTC. Bad input is a 400."""
    text = (value or "").strip()
    try:
        parsed = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        raise Open311Error(400, f"{name}: must be a W3C date-time such as 2026-11-01T09:30:00Z.")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    # Years near 1 or 9999 overflow once shifted to UTC or a 90-day window is
    # added; no street report is dated there anyway.
    if not 1970 <= parsed.year <= 2200:
        raise Open311Error(400, f"{name}: must be a date between 1970 and 2200.")
    return parsed.astimezone(timezone.utc)


def positive_int(value, name, default, highest):
    if value in (None, ""):
        return default
    text = str(value)
    # isdigit() also accepts digits such as "²" that int() refuses: ASCII only.
    if not (text.isascii() and text.isdigit()) or len(text) > 9 or not 1 <= int(text) <= highest:
        raise Open311Error(400, f"{name}: must be a whole number from 1 to {highest}.")
    return int(value)


_posted = weakref.WeakKeyDictionary()  # request -> (pairs, files), gone with the request


def posted(request):
    """(pairs, files) of a POST's body (form_and_files), read once a request: the
    middleware reads its jurisdiction_id before the view reads the rest, and a
    multipart body of 11 MB takes 0.4 s to read."""
    found = _posted.get(request)
    if found is None:
        found = _posted[request] = form_and_files(request.raw_body, request.headers.get("content-type"))
    return found


def given(query, pairs):
    """The plain parameters sent, {name: first value}: older clients put api_key and
    jurisdiction_id in a POST's query string, so a body's value wins and the query's
    fills in. An empty value (jurisdiction_id= is common) counts as absent."""
    sent = {k: v for k, v in (query or {}).items() if v != ""}
    sent.update((k, v) for k, v in first_values(pairs).items() if v != "")
    return sent


def form(raw_body, content_type):
    """The POST body as (name, value) pairs, in order: form-urlencoded, or
    multipart/form-data whose file parts are left out (see form_and_files)."""
    return form_and_files(raw_body, content_type)[0]


def form_and_files(raw_body, content_type):
    """(pairs, files): the body's plain fields as (name, value) pairs, in
    order, and a multipart body's file parts (a `media` photo) as FileParts."""
    mime = (content_type or "").split(";")[0].strip().lower()
    if not raw_body:
        return [], []
    if mime not in (FORM, MULTIPART):
        raise Open311Error(400, f"Send the request as {FORM} or {MULTIPART}; "
                                f"{mime or 'this type'} is not supported.")
    if mime == MULTIPART:
        return _multipart(raw_body, content_type)
    if len(raw_body) > MAX_BODY:
        raise Open311Error(400, "The request body is too large.")
    try:
        return parse_qsl(raw_body.decode("utf-8"), keep_blank_values=True, max_num_fields=500), []
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
    pairs, files = [], []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not name:
            continue
        payload = part.get_payload(decode=True) or b""
        if part.get_filename() is not None:
            if payload:  # an empty file input sends a part with no bytes: nothing chosen
                files.append(FilePart(str(name), str(part.get_filename()),
                                      part.get_content_type(), payload))
            continue
        try:
            pairs.append((name, payload.decode(part.get_content_charset() or "utf-8", "replace")))
        except LookupError:  # a charset Python does not know: read it as UTF-8
            pairs.append((name, payload.decode("utf-8", "replace")))
    if len(files) > MAX_FILES:
        raise Open311Error(400, f"media: at most {MAX_FILES} photos.")
    for part in files:
        if len(part.data) > MAX_FILE_BYTES:
            raise Open311Error(400, f"media: {part.filename!s:.60} is larger than "
                                    f"{MAX_FILE_BYTES // (1024 * 1024)} MB.")
    return pairs, files


def media_urls(pairs):
    """Every non-empty media_url, in order: at most six http(s) URLs of up to
    2,000 characters. They are stored and shown, never fetched."""
    urls = [value.strip() for name, value in pairs if name == "media_url" and value.strip()]
    if len(urls) > MAX_MEDIA_URLS:
        raise Open311Error(400, f"media_url: at most {MAX_MEDIA_URLS}.")
    problems = [f"media_url: {url!s:.60} is not an http or https URL of up to {MAX_URL} characters."
                for url in urls if not _is_web_url(url)]
    if problems:
        raise Open311Error(400, *problems)
    return urls


def _is_web_url(url):
    if len(url) > MAX_URL or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # a bad port raises
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def first_values(pairs):
    """Plain parameters: the first value of each name wins."""
    values = {}
    for name, value in pairs:
        values.setdefault(name, value)
    return values


def attributes(pairs, service):
    """attribute[code]=v and attribute[code][]=v1&...[]=v2 as /v1 `fields`.

    Repeating attribute[code] also makes a list, as some clients do that for
    multivaluelist. Codes the service does not define are a partner's own
    (FixMyStreet sends fixmystreet_id, easting, report_url...): kept as sent,
    within limits, for staff to see. A datetime value keeps its date:
    Doorstep's date fields are dates.
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
    _check_extras({code: value for code, value in fields.items() if code not in kinds})
    return fields


def _check_extras(extras):
    if len(extras) > MAX_EXTRA_ATTRIBUTES:
        raise Open311Error(400, f"attribute: at most {MAX_EXTRA_ATTRIBUTES} beyond the service's own.")
    for code, value in extras.items():
        size = sum(len(v) for v in (value if isinstance(value, list) else [value]))
        if len(code) > 100 or size > MAX_ATTRIBUTE_VALUE:
            raise Open311Error(400, f"attribute[{code!s:.40}]: at most {MAX_ATTRIBUTE_VALUE} characters.")
