"""A resident's own taking part, for My Account, the export and erasure:
their registrations to speak (with the withdraw link while one holds a
place and its meeting is not over), their written questions and the
questions they sent live. Each is one Query of the `by_owner` index; the
meetings they name are read together, one BatchGetItem of the distinct
meetings, so each row names its committee, date and item however many rows
there are."""
from . import views
from .links import link
from .questions import mine as my_question

NO_MEETING = {"committee_title": None, "date": None, "time": None, "item_number": None, "item_title": None}


def _named(rows, meetings):
    """Each row with its meeting's committee, date and time and its item's number and title; a meeting
    no longer in our copy (deleted upstream) leaves them null and the row still listed."""
    for row in rows:
        meeting = meetings.get(row["meeting_id"])
        if meeting is None:
            row.update(NO_MEETING)
            continue
        item = next((i for i in meeting["items"] if i.get("id") == row["item_id"]), None) or {}
        row.update({"committee_title": meeting["committee_title"], "date": meeting["date"],
                    "time": meeting["time"] or None, "item_number": item.get("number") or None,
                    "item_title": item.get("title")})
    return rows


def mine(deps, user_id):
    now = deps.clock()
    speaking = []
    for r in sorted(deps.participation.of_owner(user_id), key=lambda r: r["created_at"], reverse=True):
        live = r["status"] in ("registered", "accepted") and r["meeting_ends"] and r["meeting_ends"] > now
        speaking.append({**views.mine(r), "withdraw_url": link(deps, r) if live else None})
    questions = [my_question(q) for q in sorted(deps.questions.of_owner(user_id), key=lambda q: q["created_at"],
                                                 reverse=True)]
    from .live import mine as my_live_question
    live = [my_live_question(q) for q in sorted(deps.live_questions.of_owner(user_id), key=lambda q: q["created_at"],
                                                reverse=True)]
    meetings = deps.democracy.headings([r["meeting_id"] for r in (*speaking, *questions, *live)])
    return {"speaking": _named(speaking, meetings), "questions": _named(questions, meetings),
            "live_questions": _named(live, meetings)}


def erase(deps, user_id):
    """Gone at erasure: places they held are freed for others."""
    return {"speaking": deps.participation.erase_owner(user_id), "questions": deps.questions.erase_owner(user_id),
            "live_questions": deps.live_questions.erase_owner(user_id)}
