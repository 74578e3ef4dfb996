"""Telling signers and followers: when the council responds, when a debate is scheduled and
when the petition closes, every confirmed (counted) signer is sent one e-mail
through the outbox. Each signer is claimed for each notice with a conditional
write before the message goes: a notice announced twice (a retried request,
two staff at once, the closing job and a read together) reaches each signer
once. A crash between claim and send loses that one message rather than
sending it twice. Followers are claimed the same way; one who is also a
counted signer is told as a signer only."""
from ... import ids
from ...storage.petitions import FOLLOWER
from . import canonical
from .limits import NOTICES

SUBJECTS = {"response": "The council has responded to a petition you signed",
            "debate": "A petition you signed will be debated",
            "closed": "A petition you signed has closed"}
FOLLOWED = {"response": "The council has responded to a petition you follow",
            "debate": "A petition you follow will be debated",
            "closed": "A petition you follow has closed"}


def announce(deps, petition, notice):
    """Tell every counted signer, then every confirmed follower who is not
    also a counted signer, of `notice`, once each; returns how many were told now."""
    assert notice in NOTICES
    from ...notify.email import send_email
    told, cursor, signers = 0, None, set()
    while True:
        page, cursor = deps.petitions.signatures(petition.id, cursor)
        for signature in page:
            if signature.counted:
                signers.add(canonical.email(signature.email))
            if signature.counted and notice not in signature.told and deps.petitions.mark_told(signature, notice):
                send_email(signature.email, SUBJECTS[notice], _text(deps, petition, notice), deps.clock(),
                           deps.new_opaque_id)
                told += 1
        if cursor is None:
            break
    while True:
        page, cursor = deps.petitions.followers(petition.id, cursor)
        for follower in page:
            if (follower.state == "following" and canonical.email(follower.email) not in signers
                    and notice not in follower.told and deps.petitions.mark_told(follower, notice)):
                send_email(follower.email, FOLLOWED[notice], _text(deps, petition, notice, follower), deps.clock(),
                           deps.new_opaque_id)
                told += 1
        if cursor is None:
            return told


def _text(deps, petition, notice, follower=None):
    link = f"{deps.base_url}/petitions/{petition.id}"
    if notice == "response":
        said = f"The council's response:\n\n{(petition.response or {}).get('text', '')}"
    elif notice == "debate":
        debate = petition.debate or {}
        said = f"It will be debated at full council on {debate.get('date')}.\n\n{debate.get('note', '')}".rstrip()
    else:
        said = f"It closed with {int(petition.signatures or 0):,} signatures."
    if follower is None:
        return f"You signed the petition:\n\n  {petition.action}\n\n{said}\n\nRead more: {link}\n"
    stop = f"{deps.base_url}/petitions/unfollow?token={unsubscribe_token(follower)}"
    return (f"You follow the petition:\n\n  {petition.action}\n\n{said}\n\nRead more: {link}\n\n"
            f"To stop these e-mails: {stop}\n")


def unsubscribe_token(follower):
    """The secret of a follower's unsubscribe link: a digest of its stored confirmation hash."""
    return f"{follower.petition_id}.{follower.key[len(FOLLOWER):]}.{ids.digest('stop:' + follower.confirm_hash)[:40]}"
