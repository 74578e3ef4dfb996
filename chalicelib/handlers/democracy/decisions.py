"""Decisions as residents read them, from our copy: forthcoming ones (the
forward plan: key or not, when, who decides, the wards affected), those made
(the decisions page), and a search across agenda items' titles and
decisions. Each is one or two reads of a kept document, whatever is asked."""
from . import queries, search
from .meetings import freshness


def _kept(deps, name):
    kept = deps.democracy.document(name)
    return kept[0] if kept else []


def forthcoming(deps, params):
    asked = queries.forthcoming(params)
    today = queries.today(deps).isoformat()
    rows = [d for d in _kept(deps, "forward_plan") if not d["due"] or d["due"] >= today]
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
    rows = [d for d in _kept(deps, "decisions") if asked["from"] <= d["decided"] <= asked["to"]]
    return {"decisions": [_made(d) for d in rows[:asked["limit"]]], "from": asked["from"], "to": asked["to"],
            **freshness(deps)}


def latest(deps, count):
    return [_made(d) for d in _kept(deps, "decisions")[:count]]


def _made(d):
    return {"id": d["id"], "title": d["title"], "decided": d["decided"], "decision_maker": d["decision_maker"] or None,
            "effective": d["effective"] or None, "call_in": d["call_in"] or None}


def found(deps, params):
    asked = queries.search(deps, params)
    months = list(search.months(asked["from"], asked["to"]))
    hits = [h for h in search.search(deps.democracy, asked["q"], months, 500)
            if asked["from"] <= h["date"] <= asked["to"]]
    return {"items": [{**h, "url": f"{deps.base_url}/meetings/{h['meeting_id']}#item-{h['item_id']}",
                       "decision": h["decision"] or None} for h in hits[:asked["limit"]]],
            "q": asked["q"], "from": asked["from"], "to": asked["to"]}
