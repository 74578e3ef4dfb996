"""Staff moderate a report (POST /v1/staff/reports/{id}/moderation), after
FixMyStreet's Moderate.pm: the report itself is edited, so every public
output (its page, the map's pins, feeds, Open311, open data, nearby lists),
each built from the report's own values, shows only what is left; the words
as the resident wrote them are kept once, on the first moderation, for
staff (FixMyStreet's moderation_original_data); words taken out read
"[...]" (FixMyStreet's diff); hidden photos move out of the public photo
keys. The change is one transition with its audit entry (who, when, why,
before and after), made to the version the officer read (If-Match).

The public is told "moderated by the council" and when; never why.
"""
import difflib
import re

from ... import validation
from ...errors import Unacceptable, ValidationFailed
from ...stamps import stamp
from ..reports.create import summarise
from ..reports.limits import DESCRIPTION_MAX, SUMMARY_MAX
from ..reports.transition import transition
from ..shared.versions import expected_version
from ..staff.view import etag, managed_report, staff_view, stale
from ..opendata.export import rewrite_report
from . import hiding
from .wording import (BODY_NOT_OBJECT, GIVE_WHAT_TO_CHANGE, HIDE_PHOTOS_NOT_NAMES, NOTHING_TO_CHANGE,
                      NOT_MODERATION_FIELD)

REMOVED = "[...]"
REASON_MAX = 500
FORM = {"title", "description", "hide_photos", "reason"}
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def moderate(deps, report_id, body, if_match):
    """(staff view, ETag) after the change; nothing differing writes nothing."""
    expected = expected_version(if_match)
    form = read_form(body)
    report = managed_report(deps, report_id)
    from ..reports.form_cases import refuse_public
    refuse_public(report, "description")  # a form's case has no public words to moderate, nor any to make
    if int(report.version or 0) != expected:
        raise stale(deps, report.id, report)
    now = deps.clock()
    by = (deps.principal.user_id, deps.principal.email)
    kept = (report.moderation or {}).get("original") or {"summary": report.summary,
                                                         "description": report.description}
    changes = _words(report, form, kept)
    moved, again = hiding.hide(deps, report, form.get("hide_photos") or [], now, by, form["reason"], "hide_photos")
    write = None
    if moved:
        changes["photos_hidden"] = {"before": None, "after": moved}
    if changes:
        changes["reason"] = {"before": None, "after": form["reason"]}
        # The words as the resident wrote them, kept once; the public sees "moderated by the council".
        report.moderation = {"original": kept, "reason": form["reason"], "by": by[1] or by[0], "at": stamp(now)}
        report.updated_at = now  # clients that sync by "updated since" fetch the moderated words
        write = transition(deps, report, now, action="moderate", by=by, changes=changes)
    hiding.commit(deps, write, moved + again, lambda: stale(deps, report.id))
    if write is None:
        return staff_view(deps, report), etag(report)
    rewrite_report(deps, report)  # the open data files: not a night later
    return staff_view(deps, report), etag(report)


def read_form(body):
    if not isinstance(body, dict):
        raise ValidationFailed([("body", BODY_NOT_OBJECT)])
    problems = validation.Problems()
    for name in sorted(set(body) - FORM):
        problems.add(name, NOT_MODERATION_FIELD)
    form = {"reason": validation.text(body.get("reason"), "reason", problems, max_len=REASON_MAX, required=True)}
    if "title" in body:
        form["title"] = validation.text(body["title"], "title", problems, min_len=1, max_len=SUMMARY_MAX)
    if "description" in body:
        form["description"] = validation.text(body["description"], "description", problems, min_len=1,
                                              max_len=DESCRIPTION_MAX)
    if "hide_photos" in body:
        names = body["hide_photos"]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names) or len(names) > 20:
            problems.add("hide_photos", HIDE_PHOTOS_NOT_NAMES)
        else:
            form["hide_photos"] = names
    problems.raise_if_any()
    if not ({"title", "description", "hide_photos"} & set(form)):  # the document says so in words: 422
        raise Unacceptable(NOTHING_TO_CHANGE, code="nothing_to_moderate",
                           fields=[{"field": "title", "message": GIVE_WHAT_TO_CHANGE}])
    return form


def _words(report, form, kept):
    """Apply the new title and description, marking what was taken out of
    the words as first written (`kept`); returns the audit's changes."""
    before = {"summary": report.summary, "description": report.description}
    if "description" in form:
        report.description = redact(kept["description"], form["description"])
        if "title" not in form:  # the pin's line was the words': it follows them
            report.summary = summarise(report.description)
    if "title" in form:
        report.summary = redact(kept["summary"], form["title"])
    after = {"summary": report.summary, "description": report.description}
    return {k: {"before": before[k], "after": after[k]} for k in after if after[k] != before[k]}


def redact(original, edited):
    """The edited text with each run of the original's words the officer took
    out shown as "[...]" (FixMyStreet's diff): an officer sending back the
    text with markers in it gets the same markers again."""
    old, new = _TOKENS.findall(original), _TOKENS.findall(edited.replace(REMOVED, ""))
    out = []
    for op, i1, i2, j1, j2 in _changes(old, new):
        gone, put = "".join(old[i1:i2]), "".join(new[j1:j2])
        if op != "equal" and gone.strip():
            out.append(f" {REMOVED} ")
        out.append(put)
    return re.sub(r"[ \t]+", " ", "".join(out)).replace(" \n", "\n").strip()


def _changes(old, new):
    """difflib's opcodes, with a change, the spaces after it and the next change
    made one (so "Mr Example" -> "A neighbour" is one "[...]")."""
    merged = []
    for code in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        op, i1, i2, j1, j2 = code
        if op != "equal" and len(merged) >= 2 and merged[-2][0] != "equal" and merged[-1][0] == "equal" \
                and not "".join(old[merged[-1][1]:merged[-1][2]]).strip():
            space, before = merged.pop(), merged.pop()
            code = ("replace", before[1], i2, before[3], j2)
        merged.append(code)
    return merged
