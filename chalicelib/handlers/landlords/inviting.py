"""The e-mail to a colleague the lead added by address: the effect
`landlords.invite` of the invitation's own `landlord_invited` event (written
with the invitation, colleagues.py), claimed once and run again by the stream
while it fails. The e-mail is keyed by the event (queued twice, it is sent
once). The event carries no address: the invitation's row does, so an
invitation removed before its e-mail went sends nothing. The link is the
configured base's, never the request's host."""
from . import wording

KIND = "landlord_invited"


def on_invited(deps, event, key):
    payload = event.payload or {}
    creditor, invite = payload.get("creditor_ref"), payload.get("user_id")
    invited = deps.landlords.member(creditor, invite) if creditor and invite else None
    org = deps.landlords.org(creditor) if invited else None
    if not invited or not invited.get("email") or org is None:
        return  # removed (or the organisation refused) before the e-mail went
    from ...notify.email import queue_email
    words = {"landlord": org["name"], "can": wording.INVITE_CAN.get(invited["role"], wording.INVITE_CAN["view"]),
             "url": f"{deps.base_url}/landlords"}
    queue_email(invited["email"], wording.INVITE_SUBJECT.format(**words), wording.INVITE_BODY.format(**words),
                deps.clock(), f"llinvite:{event.id}")
