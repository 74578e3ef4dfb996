"""Webcasts linked to agenda items. A meeting's webcast is the provider's
address (configuration: DOORSTEP_WEBCAST_URL with {meeting_id}); each item's
start in the recording is a chapter, marked by an officer live ("now on item
5": seconds since they first marked it) or set afterwards. From an item a
resident goes to that minute (t=<seconds>). The chapters export as the
description text YouTube accepts: 0:00 first, ascending, at least 3, each at
least 10 s after the last; what breaks a rule is said, item by item."""
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ...config import webcasts as configured
from ...errors import ApiError, Conflict, NotFound
from ...storage.errors import EditConflict
from ...validation import Problems
from ..shared.versions import expected_version
from . import wording
from .speaking import meeting_or_404

YOUTUBE_MIN_CHAPTERS, YOUTUBE_MIN_GAP_S = 3, 10
LONGEST_S = 24 * 3600


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
    return {"meeting_id": meeting_id, "url": address(meeting_id), "chapters": chapters,
            "now_on": chapters[-1]["item_id"] if chapters and kept["started_at"] else None,
            "version": kept["version"]}


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
    problems = Problems()
    given = body.get("chapters")
    if set(body) - {"chapters"} or not isinstance(given, list) or len(given) > 200:
        problems.add("chapters", wording.CHAPTERS)
        given = []
    items = {i["id"] for i in meeting.get("items") or []}
    for n, c in enumerate(given):
        if not isinstance(c, dict) or set(c) != {"item_id", "at_s"} or c["item_id"] not in items \
                or not isinstance(c["at_s"], int) or isinstance(c["at_s"], bool) or not 0 <= c["at_s"] <= LONGEST_S:
            problems.add(f"chapters[{n}]", wording.CHAPTER)
    problems.raise_if_any()
    kept = deps.webcasts.get(meeting_id)
    expected = expected_version(if_match, "GET /v1/meetings/{id}/webcast")
    try:
        deps.webcasts.put(meeting_id, sorted(given, key=lambda c: c["at_s"]), kept["started_at"] if kept else None,
                          expected)
    except EditConflict:
        raise Conflict(wording.CHANGED, code="edit_conflict") from None
    return view(deps, meeting_id)


def youtube(deps, meeting_id):
    """The chapters as YouTube description text, or 422 naming each problem."""
    found = view(deps, meeting_id)["chapters"]
    problems = []
    if len(found) < YOUTUBE_MIN_CHAPTERS:
        problems.append({"field": "chapters", "message": wording.YT_FEW.format(least=YOUTUBE_MIN_CHAPTERS,
                                                                               count=len(found))})
    if found and found[0]["at_s"] != 0:
        problems.append({"field": "chapters[0]", "message": wording.YT_FIRST.format(at=found[0]["at"])})
    for n in range(1, len(found)):
        gap = found[n]["at_s"] - found[n - 1]["at_s"]
        if gap < YOUTUBE_MIN_GAP_S:
            problems.append({"field": f"chapters[{n}]", "message": wording.YT_GAP.format(
                at=found[n]["at"], gap=gap, least=YOUTUBE_MIN_GAP_S, before=found[n - 1]["at"])})
    if problems:
        raise ApiError(wording.YT_REFUSED, status=422, code="chapters_not_accepted", fields=problems)
    return "".join(f"{c['at']} {(c['number'] + ' ') if c['number'] else ''}{c['title']}\n" for c in found)


def clock(seconds):
    """0:00, 4:05, 1:02:03: as YouTube writes a chapter's start."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
