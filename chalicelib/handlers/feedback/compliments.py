"""A compliment reaches the team it names (issue 72, item 2): the effect of its
`compliment_given` event e-mails each officer of the council whose own staff
roles open that team's desk. Officers are found in one Query of the council's
roster (storage/accounts/grants.py), never by reading every account; an administrator
is told only through a role they hold, as every desk is theirs. Each e-mail is
queued in the outbox under an id made from the event's effect and the officer,
so the effect run again (a crash, the stream's second delivery) sends nobody a
second one. The words are masked as the desk shows them (privacy.py): an
e-mail travels further than the desk."""
from ...auth.desks import desk_name, desks_of_roles
from . import privacy
from .services import desk_of
from .wording import COMPLIMENT_BODY, COMPLIMENT_SUBJECT

TOLD_ROLES = ("staff", "admin")  # a crew member's grant opens no desk


def on_compliment(deps, event, key):
    from ...notify.email import queue_email
    payload = event.payload or {}
    compliment = deps.feedback.answer(payload.get("answer_id"))
    if compliment is None:
        return "gone"  # erased before its team heard of it
    desk = desk_of(compliment.service)
    team = desk_name(desk)
    link = f"{deps.base_url}/staff/feedback/{compliment.service}"  # the council's own address (config.links_base)
    body = COMPLIMENT_BODY.format(team=team, words=privacy.found(compliment.improve or "")[0], link=link)
    told = 0
    for user_id, role, roles in deps.grants.officers():
        if role not in TOLD_ROLES or desk not in desks_of_roles(roles):
            continue
        officer = deps.accounts.user(user_id)
        if officer is None or not officer.email:
            continue
        queue_email(officer.email, COMPLIMENT_SUBJECT.format(team=team), body, deps.clock(), f"{key}.{user_id}")
        told += 1
    return f"{told} told"
