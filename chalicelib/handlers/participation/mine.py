"""A resident's own taking part, for My Account, the export and erasure:
their registrations to speak (with the withdraw link while one holds a
place and its meeting is not over), their written questions and the
questions they sent live. Each is one Query of the `by_owner` index."""
from . import views
from .links import link
from .questions import mine as my_question


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
    return {"speaking": speaking, "questions": questions, "live_questions": live}


def erase(deps, user_id):
    """Gone at erasure: places they held are freed for others."""
    return {"speaking": deps.participation.erase_owner(user_id), "questions": deps.questions.erase_owner(user_id),
            "live_questions": deps.live_questions.erase_owner(user_id)}
