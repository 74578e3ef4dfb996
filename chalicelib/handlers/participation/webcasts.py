"""Webcasts linked to agenda items. A meeting's webcast is the provider's
address (configuration: DOORSTEP_WEBCAST_URL with {meeting_id}); each item's
start in the recording is a chapter, marked by an officer live ("now on item
5": seconds since they first marked it) or set afterwards. From an item a
resident goes to that minute (t=<seconds>). The chapters export as the
description text YouTube accepts: 0:00 first, ascending, at least 3, each at
least 10 s after the last; what breaks a rule is said, item by item. Where
the provider publishes an index of item times (a WebVTT chapters track,
DOORSTEP_WEBCAST_CHAPTERS_URL), an officer imports it as the chapters."""
import html
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ...errors import ApiError, Conflict, NotFound
from ...storage.errors import EditConflict
from ...validation import Problems
from ..shared.versions import expected_version
from . import wording
from .speaking import meeting_or_404
from .webcast_checks import live, live_window, youtube_problems

LONGEST_S = 24 * 3600
NONE = {"url": None, "chapters_url": None, "chapters_timeout_s": 5}


def configured():
    """The webcasts of the council the work is for (its settings' `back_offices.webcasts`; the
    default council's DOORSTEP_WEBCAST_URL...), each option filled in."""
    from ...councils.backoffices import of_current
    return {**NONE, **(of_current("webcasts") or {})}


def address(meeting_id, seconds=None):
    template = configured()["url"]
    if template is None:
        return None
    url = template.replace("{meeting_id}", meeting_id)
    if seconds is None:
        return url
    parts = urlsplit(url)
    query = [*parse_qsl(parts.query), ("t", str(int(seconds)))]
    return urlunsplit(parts._replace(query=urlencode(query)))


def view(deps, meeting_id):
    meeting = meeting_or_404(deps, meeting_id)
    kept = deps.webcasts.get(meeting_id) or {"chapters": [], "started_at": None, "version": 0}
    items = {i["id"]: i for i in meeting.get("items") or []}
    chapters = [{"item_id": c["item_id"], "number": items.get(c["item_id"], {}).get("number") or None,
                 "title": items.get(c["item_id"], {}).get("title") or "", "at_s": c["at_s"],
                 "at": clock(c["at_s"]), "url": address(meeting_id, c["at_s"])} for c in kept["chapters"]]
    problems = youtube_problems(chapters)
    return {"meeting_id": meeting_id, "url": address(meeting_id), "chapters": chapters,
            "now_on": chapters[-1]["item_id"] if chapters and kept["started_at"] else None,
            "version": kept["version"], "live": live(meeting, deps.clock()),
            "youtube": {"ready": not problems, "problems": [p["message"] for p in problems]}}


def now_on(deps, meeting_id, body):
    """"Now on item N": a chapter at the seconds since the officer first marked the meeting live."""
    meeting = meeting_or_404(deps, meeting_id)
    problems = Problems()
    if set(body) - {"item_id"} or not isinstance(body.get("item_id"), str):
        problems.add("item_id", wording.ITEM_ID)
    problems.raise_if_any()
    item = next((i for i in meeting.get("items") or [] if i["id"] == body["item_id"]), None)
    if item is None:  # a section heading may be a chapter ("Applications")
        raise NotFound(wording.NO_ITEM, code="item_not_found")
    now = deps.clock()
    opens, closes = live_window(meeting)
    if not opens <= now < closes:  # a week early, the public page would say "Live"
        raise ApiError(wording.NOT_MEETING_TIME.format(opens=wording.moment(opens), closes=wording.moment(closes)),
                       status=422, code="not_meeting_time")
    for _ in range(3):  # two officers marking at once: the second reads the first's and marks after it
        kept = deps.webcasts.get(meeting_id) or {"chapters": [], "started_at": None, "version": 0}
        started = kept["started_at"] or now
        at_s = int((now - started).total_seconds())
        chapters = [c for c in kept["chapters"] if c["at_s"] < at_s] + [{"item_id": item["id"], "at_s": at_s}]
        try:
            deps.webcasts.put(meeting_id, chapters, started, kept["version"])
            return view(deps, meeting_id)
        except EditConflict:
            continue
    raise Conflict(wording.CHANGED, code="edit_conflict")


def set_chapters(deps, meeting_id, body, if_match):
    """Afterwards: the whole list, [{item_id, at_s}], in the recording's order."""
    meeting = meeting_or_404(deps, meeting_id)
    given = body.get("chapters")
    if set(body) - {"chapters"} or not isinstance(given, list) or len(given) > 200:
        problems = Problems()
        problems.add("$.chapters", wording.CHAPTERS)
        problems.raise_if_any()
    problems = checked(meeting, given)
    problems.raise_if_any()
    return _save(deps, meeting, given, if_match)


def _well_formed(c):
    return isinstance(c, dict) and set(c) == {"item_id", "at_s"} and isinstance(c["item_id"], str) \
        and isinstance(c["at_s"], int) and not isinstance(c["at_s"], bool) and 0 <= c["at_s"] <= LONGEST_S


def checked(meeting, given, path=lambda n: f"$.chapters[{n}]"):
    """Problems with a list of chapters as given, by each one's JSON path (`path(n)`): one not
    a {item_id, at_s} is malformed (400); one naming an item not on the agenda, or starting no
    later than the one before it (out of order, or at the same second), breaks a rule (422).
    Never sorted: an officer who typed one out of order is told which, in the desk's own words.
    YouTube's 0:00 first and 10 s apart are the export's rules, not a save's (docs/decisions)."""
    problems = Problems()
    items = {i["id"]: i for i in meeting.get("items") or []}

    def name(c):
        item = items.get(c["item_id"])
        if item is None:
            return wording.UNKNOWN_ITEM.format(item_id=c["item_id"])
        return f"{item['number']} {item['title']}" if item.get("number") else item["title"]

    before = None
    for n, c in enumerate(given):
        if not _well_formed(c):
            problems.add(path(n), wording.CHAPTER)
            continue
        if c["item_id"] not in items:
            problems.rule(f"{path(n)}.item_id", wording.NOT_ON_AGENDA.format(n=n + 1, item_id=c["item_id"]))
        if before is not None and c["at_s"] <= before["at_s"]:
            problems.rule(f"{path(n)}.at_s", wording.ASCENDING.format(item=name(c), before=name(before),
                                                                       at=clock(before["at_s"])))
        before = c
    return problems


def _save(deps, meeting, given, if_match):
    """An officer's list or the provider's index, checked (checked()) and kept as given."""
    kept = deps.webcasts.get(meeting["id"])
    expected = expected_version(if_match, "GET /v1/meetings/{id}/webcast")
    try:
        deps.webcasts.put(meeting["id"], given, kept["started_at"] if kept else None, expected)
    except EditConflict:
        raise Conflict(wording.CHANGED, code="edit_conflict") from None
    return view(deps, meeting["id"])


def import_chapters(deps, meeting_id, if_match):
    """The provider's index (a WebVTT chapters track) as this meeting's chapters, each cue
    matched to an item by its printed number ("Item 5", "5.", "4a ...") or its exact title.
    Saved as an officer's list is, with If-Match; the cues matching no item come back in
    `unmatched`. A provider unreachable, slow, answering a web page or not WebVTT is an
    error and the chapters kept are untouched."""
    meeting = meeting_or_404(deps, meeting_id)
    expected_version(if_match, "GET /v1/meetings/{id}/webcast")  # 428 before asking the provider
    settings = configured()
    if settings["chapters_url"] is None:
        raise ApiError(wording.INDEX_NOT_CONFIGURED, status=503, code="webcast_index_not_configured")
    text = fetch_index(settings["chapters_url"].replace("{meeting_id}", meeting_id), settings["chapters_timeout_s"])
    from .vtt import MOST_CUES, Malformed, cues
    try:
        found = cues(text)
    except Malformed as e:
        message = wording.INDEX_MALFORMED[e.why].format(line=e.line, most=MOST_CUES)
        raise ApiError(message + wording.INDEX_MALFORMED_AFTER, status=502, code="webcast_index_malformed") from None
    items = meeting.get("items") or []
    chapters, matched, unmatched, cue_of = [], [], [], []
    for n, cue in enumerate(found):
        at_s = int(cue["start_s"])
        item = match(cue["title"], items)
        if item is None:
            unmatched.append({"title": cue["title"], "at_s": at_s, "at": clock(at_s),
                              "message": wording.UNMATCHED_CUE.format(at=clock(at_s), title=cue["title"])})
        else:
            chapters.append({"item_id": item["id"], "at_s": at_s})
            matched.append({"title": cue["title"], "at_s": at_s, "at": clock(at_s), "item_id": item["id"]})
            cue_of.append(n)
    if not chapters:  # an index for another meeting, or none of its titles ours: keep what is set
        raise ApiError(wording.NONE_MATCHED.format(count=len(found)), status=422, code="chapters_not_matched",
                       fields=[{"field": f"cues[{n}]", "message": u["message"]} for n, u in enumerate(unmatched)])
    # The reader keeps cues in order, but two may start within one second (rounded down alike): such
    # an index is refused as an officer's list would be, naming the provider's cue, and nothing changes.
    broken = checked(meeting, chapters, path=lambda n: f"$.cues[{cue_of[n]}]").rules
    if broken:
        raise ApiError(wording.INDEX_NOT_SAVED, status=422, code="validation_failed",
                       fields=[{"field": f, "message": m} for f, m in broken])
    return {**_save(deps, meeting, chapters, if_match), "matched": matched, "unmatched": unmatched}


NUMBERED = re.compile(r"^(?:item\s+)?(\d+[a-z]?)\.?(?=\s|[:)\-\u2013\u2014]|$)[:)]?\s*[-\u2013\u2014:]?\s*(.*)$", re.I)


def _plain(text):
    return " ".join(html.unescape(text or "").casefold().split())


def match(title, items):
    """The agenda item a cue's title names: its exact title (case and spacing aside), else its
    printed number ("Item 5", "5.", "4a Land at ..."), else the title after the number."""
    by_title = {}
    for i in items:
        by_title.setdefault(_plain(i.get("title")), i)
    if _plain(title) in by_title:
        return by_title[_plain(title)]
    numbered = NUMBERED.match(title.strip())
    if numbered is None:
        return None
    by_number = {}
    for i in items:
        if i.get("number"):
            by_number.setdefault(_plain(i["number"]).rstrip("."), i)
    return by_number.get(numbered.group(1).casefold()) or by_title.get(_plain(numbered.group(2)) or None)


def fetch_index(url, timeout_s, most_bytes=256 * 1024):
    """The provider's index as text over HTTP, within timeout_s in all (a slow trickle too)."""
    import time
    from urllib.error import HTTPError, URLError
    from urllib.request import Request, urlopen
    deadline = time.monotonic() + timeout_s
    unavailable = ApiError(wording.INDEX_UNAVAILABLE.format(timeout=timeout_s), status=502,
                           code="webcast_provider_unavailable")
    try:
        with urlopen(Request(url, headers={"Accept": "text/vtt"}), timeout=timeout_s) as answer:
            kind = (answer.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            body = b""
            while chunk := answer.read(16 * 1024):
                body += chunk
                if len(body) > most_bytes:
                    raise ApiError(wording.INDEX_TOO_BIG.format(kb=most_bytes // 1024), status=502,
                                   code="webcast_index_malformed")
                if time.monotonic() > deadline:
                    raise unavailable
    except HTTPError as e:
        if e.code in (404, 410):
            raise NotFound(wording.INDEX_NOT_FOUND, code="webcast_index_not_found") from None
        raise ApiError(wording.INDEX_DOWN.format(status=e.code), status=502, code="webcast_provider_unavailable") \
            from None
    except (URLError, OSError, ValueError):  # refused, reset, timed out (TimeoutError is an OSError)
        raise unavailable from None
    if kind in ("text/html", "application/xhtml+xml") or body.lstrip()[:1] == b"<":
        raise ApiError(wording.INDEX_HTML, status=502, code="webcast_index_malformed")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(wording.INDEX_MALFORMED["encoding"] + wording.INDEX_MALFORMED_AFTER, status=502,
                       code="webcast_index_malformed") from None


def youtube(deps, meeting_id):
    """The chapters as YouTube description text, or 422 naming each problem."""
    found = view(deps, meeting_id)["chapters"]
    problems = youtube_problems(found)
    if problems:
        raise ApiError(wording.YT_REFUSED, status=422, code="chapters_not_accepted", fields=problems)
    return "".join(f"{c['at']} {(c['number'] + ' ') if c['number'] else ''}{c['title']}\n" for c in found)


def clock(seconds):
    """0:00, 4:05, 1:02:03: as YouTube writes a chapter's start."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
