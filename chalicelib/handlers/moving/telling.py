"""The move's e-mail: the same list as its page, once (the outbox keeps one
row per id, and the id is the move's), sent when every step of the move's
effect has written its part (the last step of following.on_move)."""
from ..shared.clock import date_words
from . import wording
from .view import shown


def email(deps, move, feedback):
    """`feedback`: the link to the move's question, how it went."""
    if not move.get("email"):
        return
    from ...notify.email import queue_email
    page = shown(deps, move, deps.moves.parts(move["user_id"], move["id"]))
    lines = [wording.EMAIL_TOP.format(date=date_words(move["date"])), ""]
    lines += [f"- {p['text']}" for p in page["parts"] if p["text"]]
    lines += ["", wording.EMAIL_ELSEWHERE] + [f"- {e['text']}: {e['url']}" for e in page["elsewhere"]]
    lines += ["", wording.EMAIL_REFERENCE.format(id=move["id"]), wording.EMAIL_END, "",
              wording.EMAIL_FEEDBACK.format(link=feedback)]
    queue_email(move["email"], wording.EMAIL_SUBJECT, "\n".join(lines), deps.clock(), f"move:{move['id']}")


