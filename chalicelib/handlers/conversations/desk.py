"""The staff desk: the queue of waiting conversations, taking one (a
conditional write decides between two officers), handing over, answering
(with a response template if wanted), turning a conversation into a report or
linking one, closing, and blocking a resident."""

from ... import ids, validation
from ...config import socket_address
from ...auth.principal import Principal
from ...auth.rules import CONVERSATION, DESK_OF_KIND
from ...errors import Conflict, NotFound, ValidationFailed
from ...stamps import stamp
from ...storage.errors import EditConflict
from ...storage.conversations.conversations import OfficerFull
from . import chat, hours, live
from .limits import QUEUE_MAX, REASON_MAX
from .wording import (ALREADY_TAKEN, ANOTHER_OFFICERS, BODY_NOT_OBJECT, CHANGED_HANDS, CHANGED_MEANWHILE,
                      CLOSED_HOW_DID_WE_DO, COLLEAGUE_FULL, NOT_REPORT_REFERENCE, OFFICER_FULL, REPORT_LINKED,
                      REPORT_MADE, RESIDENT_NOT_TOLD_APART, SEARCH_FOR, SEARCH_NOT_EMAIL, TAKE_IT_FIRST,
                      TO_NOT_COLLEAGUE)


def _officer_name(deps, user_id):
    user = deps.accounts.user(user_id) if deps.accounts else None
    name = (user.name or "").strip() if user else ""
    return name.split()[0] if name else "Council officer"  # residents see a first name only


def _row(deps, c, now):
    return {"id": c.id, "state": c.state, "context": c.context, "name": c.contact.get("name"),
            "signed_in": bool(c.user_id), "last_seq": c.last_seq, "officer_name": c.officer_name,
            "waiting_since": stamp(c.waiting_since),
            "waited_s": int((now - c.waiting_since).total_seconds()) if c.waiting_since else None,
            "created_at": stamp(c.created_at), "updated_at": stamp(c.updated_at), **chat.staff_view(c)}


def queue(deps):
    """GET /v1/staff/conversations: the waiting ones, longest waiting first,
    and the caller's own (one Query each)."""
    now = deps.clock()
    waiting = deps.conversations.queue(QUEUE_MAX)
    mine = deps.conversations.of_officer(deps.principal.user_id)
    return {"waiting": [_row(deps, c, now) for c in waiting], "mine": [_row(deps, c, now) for c in mine],
            "most_at_once": deps.settings.chat_max_per_officer,
            "desk": hours.view(deps.settings.chat_hours, now), "socket_url": socket_address(deps.settings, deps.council)}


def search(deps, q):
    """GET /v1/staff/conversations/search?q=: by the conversation's reference,
    a linked report's reference, or the resident's e-mail or phone (exact,
    normalised as they were stored); newest first. One lookup: it reads what
    it returns."""
    import re
    from ...storage.conversations.conversations import contact_keys
    from .limits import CONVERSATION_ID_PATTERN, SEARCH_MAX
    text = q.strip() if isinstance(q, str) else ""
    now = deps.clock()
    if not text or len(text) > 254:
        raise ValidationFailed([("q", SEARCH_FOR)])
    reference = text[:3].upper() + text[3:].lower()  # CV-... as the ids are made, whatever the case typed
    if re.fullmatch(CONVERSATION_ID_PATTERN, reference):
        found = deps.conversations.get(reference)
        matches, by = [found] if found else [], "conversation"
    else:
        rid = ids.normalise_report_id(text)
        if rid and ids.is_report_id(rid):
            key, by = f"report#{rid}", "report"
        elif "@" in text:
            if not validation.EMAIL.match(text):
                raise validation.broken_rules([("q", SEARCH_NOT_EMAIL)])
            key, by = contact_keys({"email": text})[0], "email"
        elif validation.PHONE.match(text):
            key, by = contact_keys({"phone": text})[0], "phone"
        else:  # well-formed text that names nothing searchable: a rule in words (422), as the house says
            raise validation.broken_rules([("q", SEARCH_FOR)])
        matches = deps.conversations.search(key, SEARCH_MAX)
    return {"q": text, "matched_by": by, "conversations": [_row(deps, c, now) for c in matches]}


def take(deps, conversation_id):
    """POST .../take: one officer wins; the other gets 409."""
    conversation = chat.find(deps, conversation_id)
    me = deps.principal.user_id
    if conversation.state == "taken" and conversation.officer == me:
        return chat.view(deps, conversation, "staff")  # pressed twice: still theirs
    name = _officer_name(deps, me)
    now = deps.clock()
    waited = max(0, (now - conversation.waiting_since).total_seconds()) if conversation.waiting_since else None
    try:
        deps.conversations.take(conversation.id, me, name, deps.settings.chat_max_per_officer, now,
                                waited_s=waited)
    except OfficerFull:
        raise Conflict(OFFICER_FULL.format(most=deps.settings.chat_max_per_officer),
                       code="too_many_conversations") from None
    except EditConflict:
        raise Conflict(ALREADY_TAKEN, code="already_taken") from None
    conversation = deps.conversations.get(conversation.id)
    chat.post(deps, conversation, "system", f"{name} has joined the conversation.")
    live.queue_changed(deps)
    return chat.view(deps, deps.conversations.get(conversation.id), "staff")


def _mine(deps, conversation_id):
    conversation = chat.find(deps, conversation_id)
    if conversation.state != "taken" or conversation.officer != deps.principal.user_id:
        raise Conflict(TAKE_IT_FIRST, code="not_yours")
    return conversation


def hand_over(deps, conversation_id, body):
    """POST .../hand-over {to}: to a colleague whose roles open the chat desk, who then has it."""
    conversation = _mine(deps, conversation_id)
    to = body.get("to") if isinstance(body, dict) else None
    colleague = deps.accounts.user(to) if isinstance(to, str) and to else None
    from ...auth.desks import account_opens
    from ...auth.grants import grant_at
    theirs = grant_at(colleague, deps.grants)  # a colleague at this council: one its grant makes an officer
    if theirs is None or not account_opens(theirs.role, theirs.roles, DESK_OF_KIND[CONVERSATION]):
        raise ValidationFailed([("to", TO_NOT_COLLEAGUE)])
    if colleague.id == conversation.officer:
        return chat.view(deps, conversation, "staff")
    name = _officer_name(deps, colleague.id)
    try:
        deps.conversations.hand_over(conversation.id, conversation.officer, colleague.id, name,
                                     deps.settings.chat_max_per_officer, deps.clock())
    except OfficerFull:
        raise Conflict(COLLEAGUE_FULL, code="too_many_conversations") from None
    except EditConflict:
        raise Conflict(CHANGED_HANDS, code="not_yours") from None
    chat.post(deps, deps.conversations.get(conversation.id), "system", f"{name} has taken over the conversation.")
    live.queue_changed(deps)
    return chat.view(deps, deps.conversations.get(conversation.id), "staff")


def answer(deps, conversation_id, body, idempotency_key):
    """POST .../answer {text} or {template, text?}: the officer's message;
    the resident is told on their phone or by e-mail when they are not looking."""
    if not isinstance(body, dict):
        raise ValidationFailed([("body", BODY_NOT_OBJECT)])
    template_id = body.get("template")
    conversation = _mine(deps, conversation_id)
    message_body = {k: v for k, v in body.items() if k != "template"}
    if template_id is not None:
        from ..staff.templates import usable
        template = usable(deps, template_id)
        message_body.setdefault("text", _rendered(deps, template, conversation))
    text, photos = chat.checked_message(message_body)
    view, created = chat.post(deps, conversation, "staff", text, photos, idempotency_key,
                              author_name=conversation.officer_name, template_id=template_id, fingerprint_of=body,
                              notice=True)  # the resident told when not looking, from the message's event
    return view, created


def _rendered(deps, template, conversation):
    """A template's text for a chat: a linked report fills its placeholders; without one they are left out."""
    from ..reports.wording import PLACEHOLDER, render
    report = deps.reports.get(conversation.report_ids[-1]) if conversation.report_ids else None
    if report is not None:
        return render(template, report, deps.services.get(report.service_code))
    return " ".join(PLACEHOLDER.sub("", template.text).split())


def close(deps, conversation_id):
    """POST .../close: by the officer who has it (or any staff, while it waits);
    the resident is asked the one question."""
    conversation = chat.find(deps, conversation_id)
    if conversation.state == "closed":
        return chat.view(deps, conversation, "staff")
    if conversation.state == "taken" and conversation.officer != deps.principal.user_id:
        raise Conflict(ANOTHER_OFFICERS, code="not_yours")
    try:
        chat.post(deps, conversation, "system", CLOSED_HOW_DID_WE_DO, notice=True)
        deps.conversations.close(deps.conversations.get(conversation.id), deps.principal.user_id, deps.clock())
    except EditConflict:
        raise Conflict(CHANGED_MEANWHILE, code="edit_conflict") from None
    closed = deps.conversations.get(conversation.id)
    live.state_changed(deps, closed)  # the resident's screen asks its one question now
    live.queue_changed(deps)
    return chat.view(deps, closed, "staff")


def to_report(deps, conversation_id, body, idempotency_key):
    """POST .../report {service_code, lat/lon or uprn, description, fields}: a
    report made through reports' own create, the resident its reporter (their
    account's, or followed by the e-mail or phone they gave), linked here."""
    from ..reports.create import create_report
    from ..staff.assisted import OnBehalf
    if not isinstance(body, dict):
        raise ValidationFailed([("body", BODY_NOT_OBJECT)])
    conversation = _mine(deps, conversation_id)
    report_body = {k: v for k, v in body.items() if k != "contact"}
    if conversation.user_id:
        resident = deps.accounts.user(conversation.user_id)
        as_resident = deps.replace(principal=Principal(  # made as its resident, whatever else they are
            user_id=resident.id, role="resident", email=resident.email,
            email_verified=bool(resident.email_verified)), client=None)
        view, created = create_report(as_resident, report_body, _key(conversation, idempotency_key))
    else:
        contact = {k: v for k, v in conversation.contact.items() if k in ("name", "email", "phone")}
        view, created = create_report(deps, report_body, _key(conversation, idempotency_key),
                                      on_behalf=OnBehalf("chat", contact, deps.principal))
    _linked(deps, conversation, view["id"], REPORT_MADE.format(
        report_id=view["id"], url=f"{deps.base_url}/?report={view['id']}"))
    return {"report_id": view["id"], "url": view.get("url"), "conversation": chat.view(
        deps, deps.conversations.get(conversation.id), "staff")}, created


def _key(conversation, idempotency_key):
    # The officer's key, scoped to this conversation (the report is made as the resident).
    return None if idempotency_key is None else f"chat-{conversation.id}-{ids.digest(idempotency_key)[:32]}"


def link(deps, conversation_id, body):
    """POST .../link {report_id}: an existing report this conversation is about."""
    from ..reports.tracking import find_report
    rid = body.get("report_id") if isinstance(body, dict) else None
    if not isinstance(rid, str):
        raise ValidationFailed([("report_id", NOT_REPORT_REFERENCE)])
    conversation = _mine(deps, conversation_id)
    report = find_report(deps, rid)
    if report.id not in conversation.report_ids:
        _linked(deps, conversation, report.id, REPORT_LINKED.format(
            report_id=report.id, url=f"{deps.base_url}/?report={report.id}"))
    return chat.view(deps, deps.conversations.get(conversation.id), "staff")


def _linked(deps, conversation, report_id, text):
    if report_id in deps.conversations.get(conversation.id).report_ids:
        return
    deps.conversations.link_report(conversation.id, report_id, deps.clock())
    chat.post(deps, deps.conversations.get(conversation.id), "system", text)


def block(deps, conversation_id, body):
    """POST .../block {reason}: the resident can start and write no more; the
    block, its reason and who made it are kept (audited), and the
    conversation is closed."""
    problems = validation.Problems()
    reason = validation.text((body or {}).get("reason") if isinstance(body, dict) else None, "reason", problems,
                             3, REASON_MAX, required=True)
    problems.raise_if_any()
    conversation = chat.find(deps, conversation_id)
    if not conversation.party:
        raise NotFound(RESIDENT_NOT_TOLD_APART, code="no_party")
    deps.conversations.block(conversation.party, reason, deps.principal.user_id, deps.principal.email,
                             conversation.id, deps.clock())
    if conversation.state != "closed":
        try:
            deps.conversations.close(conversation, deps.principal.user_id, deps.clock())
        except EditConflict:
            pass
        live.queue_changed(deps)
    return chat.view(deps, deps.conversations.get(conversation.id), "staff")


def audit(deps, conversation_id):
    conversation = chat.find(deps, conversation_id)
    return {"conversation_id": conversation.id, "entries": [
        {"action": e.action, "by_user_id": e.by_user_id, "by_email": e.by_email, "created_at": stamp(e.created_at),
         "changes": e.changes} for e in deps.audit.entries(conversation.id)]}
