"""Telling signers: when the council responds, when a debate is scheduled and
when the petition closes, every confirmed (counted) signer is sent one e-mail
through the outbox. Each signer is claimed for each notice with a conditional
write before the message goes: a notice announced twice (a retried request,
two staff at once, the closing job and a read together) reaches each signer
once. A crash between claim and send loses that one message rather than
sending it twice."""
from .limits import NOTICES

SUBJECTS = {"response": "The council has responded to a petition you signed",
            "debate": "A petition you signed will be debated",
            "closed": "A petition you signed has closed"}


def announce(deps, petition, notice):
    """Tell every counted signer of `petition` about `notice`, once each; returns how many were told now."""
    assert notice in NOTICES
    from ...notify.email import send_email
    told, cursor = 0, None
    while True:
        page, cursor = deps.petitions.signatures(petition.id, cursor)
        for signature in page:
            if signature.counted and notice not in signature.told and deps.petitions.mark_told(signature, notice):
                send_email(signature.email, SUBJECTS[notice], _text(deps, petition, notice), deps.clock(),
                           deps.new_opaque_id)
                told += 1
        if cursor is None:
            return told


def _text(deps, petition, notice):
    link = f"{deps.base_url}/petitions/{petition.id}"
    if notice == "response":
        said = f"The council's response:\n\n{(petition.response or {}).get('text', '')}"
    elif notice == "debate":
        debate = petition.debate or {}
        said = f"It will be debated at full council on {debate.get('date')}.\n\n{debate.get('note', '')}".rstrip()
    else:
        said = f"It closed with {int(petition.signatures or 0):,} signatures."
    return f"You signed the petition:\n\n  {petition.action}\n\n{said}\n\nRead more: {link}\n"
