"""One meeting's answer made into our copy: its items (restricted ones never
reached us: the adapter drops them), each placed by its words' wards and
topics (tagging.py), each paper's PDF fetched once and kept in S3 with its
size, and the events its change writes in the same transaction (an agenda's
publication, its decisions')."""
import hashlib
import json
from dataclasses import asdict

from ..shared.events import new_event
from .planning_refs import event as planning_event, found as found_refs
from .tagging import tags

PAPER_PREFIX = "meeting-papers/"
AGENDA_PUBLISHED, DECISIONS_PUBLISHED, CANCELLED = (
    "meeting_agenda_published", "meeting_decisions_published", "meeting_cancelled")
# Staff corrected a published agenda's item so that it names a ward or topic it did not:
# those it now concerns, and did not, are told of that item (democracy/notices.py).
ITEM_RETAGGED = "meeting_item_retagged"


def answer_hash(value):
    """The hash of an answer as read: Modern.gov has no validators to ask with."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def paper_key(paper_id):
    return f"{PAPER_PREFIX}{paper_id}.pdf"


def made(run, listed, stored, meeting):
    """(row, events, complete): the row to keep for `meeting` (the port's
    Meeting) as `listed` (its MeetingDate, or the stored summary) gives it.
    complete is False while a paper could not be fetched: the answer's hash
    is not kept, so the next run tries again."""
    kept_papers = {p["id"]: p for i in (stored or {}).get("items") or [] for p in i.get("papers", [])}
    complete, items = True, []
    for item in meeting.items:
        papers = []
        for paper in item.papers:
            kept = kept_papers.get(paper.id)
            size = kept.get("size") if kept else None
            if size is None:
                size = run.keep_paper(paper.id)
                complete = complete and size is not None
            papers.append({"id": paper.id, "title": paper.title, "published": paper.published, "size": size})
        words = " ".join([item.title, item.text, *(p.title for p in item.papers)])
        items.append({**{k: v for k, v in asdict(item).items() if k != "papers"}, "papers": papers,
                      **({} if item.heading else tags(words, run.ward_names(), run.topics())),
                      **({} if item.heading or not found_refs(words) else {"planning_refs": found_refs(words)})})
    edits = corrected(items, (stored or {}).get("tag_edits"))
    on_agenda = {p["id"] for i in items for p in i["papers"]}
    for gone in sorted(set(kept_papers) - on_agenda):
        run.forget_paper(gone)  # withdrawn or made restricted since: not kept, as never served
    row = {"id": meeting.id, "committee_id": listed["committee_id"], "committee_title": listed["committee_title"],
           "date": meeting.date or listed["date"], "time": meeting.time or listed.get("time") or "",
           "cancelled": meeting.cancelled or bool(listed.get("cancelled")), "location": meeting.location,
           "agenda_published": meeting.agenda_published, "decisions_published": meeting.decisions_published,
           "minutes_published": meeting.minutes_published, "items": items,
           "wards": sorted({w for i in items for w in i.get("wards", ())}), "checked_at": run.now,
           "answer_hash": answer_hash(asdict(meeting)) if complete else None,
           "list_hash": listed.get("list_hash") or (stored or {}).get("list_hash"),
           "tag_edits": edits or None, "tags_version": (stored or {}).get("tags_version")}
    return row, events(run, stored, row), complete


def corrected(items, edits):
    """Staff's corrections laid over the tags of the items' words, in place:
    the edits of items still on the agenda (those of an item gone go with it)."""
    kept = {}
    for item in items:
        edit = (edits or {}).get(item["id"])
        if edit is not None and not item.get("heading"):
            item.update(wards=list(edit["wards"]), topics=list(edit["topics"]))
            kept[item["id"]] = edit
    return kept


def events(run, stored, row):
    """What changed that others must hear of, each once: the agenda's
    publication (for alerts, later), its decisions', the cancellation of a
    meeting we had shown (one first seen cancelled was never announced)."""
    before = stored or {}
    facts = {"meeting_id": row["id"], "committee_id": row["committee_id"], "date": row["date"]}
    found = []
    for kind, field in ((AGENDA_PUBLISHED, "agenda_published"), (DECISIONS_PUBLISHED, "decisions_published"),
                        (CANCELLED, "cancelled")):
        if row.get(field) and not before.get(field) and (kind != CANCELLED or stored is not None):
            found.append(new_event(run.deps, kind, run.now, event_id=f"{kind}-{row['id']}", **facts))
    return found + planning_event(run, stored, row)  # the applications it decides (planning/committee.py)
