"""A report drafted from a conversation, for the officer to check and send:
the category whose words the resident used most, the place they asked from
(the property's address point, else the report they asked about), what they
said, and the answers their words give to the category's questions. Every
part is a suggestion; the officer changes what is wrong before sending."""
import re
from datetime import timedelta

from ...stamps import london_today
from ..reports.limits import DESCRIPTION_MAX
from . import chat

WORD = re.compile(r"[a-z0-9]+")
MESSAGES_READ = 100  # the draft reads the first page of messages: the question is near the start
DAYS = {"today": 0, "yesterday": 1}


def _words(text):
    return WORD.findall((text or "").lower())


def _stem(word):
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[:-len(ending)]
    return word


def _stems(text):
    return {_stem(w) for w in _words(text)}


def suggest_category(services, question, said):
    """(service_code, [matched words]) of the active category sharing most
    words (its keywords and its name) with the resident's question, then with
    all they said (the catalogue's order breaks ties), or (None, []) when
    none shares a word."""
    best, best_score, best_words = None, (0, 0), []
    for service in services:
        if not service.get("active", True):
            continue
        terms = {_stem(w) for k in service.get("keywords") or () for w in _words(k)} | _stems(service.get("name"))
        score = (len(terms & question), len(terms & said))
        if score > best_score:
            best, best_score, best_words = service["service_code"], score, sorted(terms & said)
    return best, best_words


def _choice(field, said):
    """The one option whose own words (those no other option has) were said."""
    stems = [_stems(o.get("label")) | _stems(o.get("key")) for o in field.get("options") or ()]
    scores = []
    for i, own in enumerate(stems):
        others = set().union(*(s for j, s in enumerate(stems) if j != i))
        scores.append(len((own - others) & said))
    top = max(scores, default=0)
    if top == 0 or scores.count(top) > 1:
        return None
    return field["options"][scores.index(top)]["key"]


def _answers(service, said, words, place, day):
    """Answers to the category's questions that the conversation gives."""
    out = {}
    for field in service.get("fields") or ():
        code, kind = field.get("code"), field.get("type")
        if kind == "single_choice":
            key = _choice(field, said)
            if key:
                out[code] = key
        elif kind == "date" and day is not None:
            when = next((DAYS[w] for w in words if w in DAYS), None)
            if when is not None:
                out[code] = (day - timedelta(days=when)).isoformat()
        elif kind == "text" and code == "address" and place and place.get("address"):
            out[code] = place["address"][:field.get("max_length") or 200]
    return out


def _place(deps, conversation):
    """Where the resident asked from: {lat, lon, uprn?, address} or None."""
    uprn = conversation.context.get("uprn")
    address = deps.addresses.get(uprn) if uprn else None
    if address is not None:
        return {"lat": address.lat, "lon": address.lon, "uprn": address.uprn, "address": address.text,
                "from": "property"}
    for rid in [conversation.context.get("report_id"), *reversed(conversation.report_ids)]:
        report = deps.reports.get(rid) if rid else None
        if report is not None and report.lat is not None:
            return {"lat": report.lat, "lon": report.lon, "address": report.address or report.near,
                    "from": "report", "report_id": report.id}
    return None


def report_draft(deps, conversation_id):
    """GET /v1/staff/conversations/{id}/report-draft."""
    conversation = chat.find(deps, conversation_id)
    said_texts = [m.text for m in deps.conversations.messages(conversation.id, 0, MESSAGES_READ)
                  if m.author == "resident"]
    text = " ".join(" ".join(said_texts).split())
    said, words = _stems(text), _words(text)
    services = deps.services.all()
    code, matched = suggest_category(services, _stems(said_texts[0] if said_texts else ""), said)
    place = _place(deps, conversation)
    service = next((s for s in services if s["service_code"] == code), None)
    day = london_today(conversation.created_at)
    return {"conversation_id": conversation.id, "service_code": code, "matched_words": matched, "place": place,
            "description": text[:DESCRIPTION_MAX] or None,
            "fields": _answers(service, said, words, place, day) if service else {}}
