"""A staff payment link sent to its payer, by e-mail or text: the effects
`bills.link_email` and `bills.link_text` of the link's own `pay_link_made`
event (written with the link, links.py), each claimed once and run again by
the stream while it fails. The e-mail is keyed by the link (queued twice, it
is sent once); a text the SMS service did not take raises to be tried again.
The words are the catalogue's, the address of the link the configured base."""
from ...stamps import parse as parse_stamp
from . import wording
from .funds import fund as find_fund
from .inputs import pounds


class LinkNotSent(Exception):
    """The SMS service did not take the text: the effect is tried again."""


def _words(deps, event):
    link = deps.bills.link((event.payload or {}).get("link_id"))
    if link is None or not link.get("send_to"):
        return None, None
    from .cashfile import LONDON
    chosen = find_fund(link["fund"])
    expires = parse_stamp(link["expires_at"]).astimezone(LONDON)
    return link, {"fund": chosen.name if chosen else link["fund"], "reference": link["reference"],
                  "amount": pounds(link["amount"]) if link["amount"] else wording.LINK_ON_THE_DAY,
                  "url": f"{deps.base_url}/pay?link={link['id']}", "expires": f"{expires:%-d %B %Y}"}


def by_email(deps, event, key):
    link, words = _words(deps, event)
    if link is None or not link["send_to"].get("email"):
        return
    from ...notify.email import queue_email
    queue_email(link["send_to"]["email"], wording.LINK_SUBJECT.format(**words), wording.LINK_BODY.format(**words),
                deps.clock(), f"paylink:{link['id']}")


def by_text(deps, event, key):
    link, words = _words(deps, event)
    if link is None or not link["send_to"].get("phone"):
        return
    from ...notify import SENT
    from ...notify.sms import send_sms
    if send_sms(link["send_to"]["phone"], wording.LINK_TEXT.format(**words), deps.settings, deps.clock(),
                deps.new_opaque_id) != SENT:
        raise LinkNotSent(f"payment link {link['id'][:6]}…: text not taken")
