"""Decisions as residents read them, from our copy: forthcoming ones (the
forward plan: key or not, when, who decides, the wards affected), those made
(the decisions page), and a search across agenda items' titles and
decisions. Each is one or two reads of a kept document, whatever is asked."""
from datetime import timedelta

from . import limits, queries, search
from .meetings import freshness


def _kept(deps, name):
    kept = deps.democracy.document(name)
    return kept[0] if kept else []


def forthcoming(deps, params):
    """The plan's decisions still to come, with staff's corrections of their tags (forthcoming_tags.py):
    both documents in one BatchGetItem."""
    from .forthcoming_tags import EDITS, corrected
    asked = queries.forthcoming(params)
    today = queries.today(deps).isoformat()
    kept = deps.democracy.documents(["forward_plan", EDITS])
    rows = corrected([d for d in kept.get("forward_plan") or [] if not d["due"] or d["due"] >= today],
                     (kept.get(EDITS) or {}).get("edits") or {})
    if asked["key"] is not None:
        rows = [d for d in rows if d["key"] == asked["key"]]
    if asked["ward"]:
        ward = asked["ward"].lower()
        rows = [d for d in rows if ward in (w.lower() for w in d["wards"])]
    rows.sort(key=lambda d: (d["due"] or "9999", d["id"]))
    return {"decisions": [{"id": d["id"], "title": d["title"], "decision_maker": d["decision_maker"],
                           "due": d["due"] or None, "key": d["key"], "wards": list(d["wards"]),
                           "all_wards": not d["wards"], "topics": d.get("topics") or []} for d in rows],
            "key": asked["key"], "ward": asked["ward"], **freshness(deps)}


def made(deps, params):
    asked = queries.decisions(deps, params)
    rows = _held(deps, asked["from"], asked["to"])
    return {"decisions": rows[:asked["limit"]], "from": asked["from"], "to": asked["to"], **freshness(deps)}


def latest(deps, count):
    today = queries.today(deps)
    return _held(deps, (today - timedelta(days=limits.PAST_DAYS)).isoformat(), today.isoformat())[:count]


def _held(deps, first, last):
    """Every decision we hold from `first` to `last`, latest first: those the
    decisions list page published, and those taken at meetings (GetMeeting's
    items, kept month by month for search), so one source that cannot be read
    leaves the other's. A decision both give (same title, same day) is the
    list's, which says its call-in."""
    listed = [_made(d) for d in _kept(deps, "decisions") if first <= d["decided"] <= last]
    seen = {(d["title"].casefold(), d["decided"]) for d in listed}
    at_meetings = [d for d in _taken_at_meetings(deps, first, last)
                   if (d["title"].casefold(), d["decided"]) not in seen]
    return sorted(listed + at_meetings, key=lambda d: (d["decided"], d["id"]), reverse=True)


def _taken_at_meetings(deps, first, last):
    for body in deps.democracy.documents([f"search#{m}" for m in search.months(first, last)]).values():
        for meeting_id, meeting in body.items():
            if meeting["cancelled"] or not first <= meeting["date"] <= last:
                continue
            for item_id, title, decision in meeting["items"]:
                if decision:
                    yield {"id": f"{meeting_id}-{item_id}", "title": title, "decided": meeting["date"],
                           "decision_maker": meeting["committee_title"], "effective": None, "call_in": None,
                           "meeting_id": meeting_id, "item_id": item_id}


def _made(d):
    return {"id": d["id"], "title": d["title"], "decided": d["decided"], "decision_maker": d["decision_maker"] or None,
            "effective": d["effective"] or None, "call_in": d["call_in"] or None, "meeting_id": None, "item_id": None}


def found(deps, params):
    asked = queries.search(deps, params)
    months = list(search.months(asked["from"], asked["to"]))
    hits = [h for h in search.search(deps.democracy, asked["q"], months, 500)
            if asked["from"] <= h["date"] <= asked["to"]]
    return {"items": [{**h, "url": f"{deps.base_url}/meetings/{h['meeting_id']}#item-{h['item_id']}",
                       "decision": h["decision"] or None} for h in hits[:asked["limit"]]],
            "q": asked["q"], "from": asked["from"], "to": asked["to"]}
