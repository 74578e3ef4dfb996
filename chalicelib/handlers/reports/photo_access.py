"""Who may open a photo link, asked each time it is opened.

A plain link (`/v1/photos/{name}`, what public views give) opens the photo
while its report is one the caller may see now: public, or theirs, or in a
staff member's scope. The photo's upload row names its report (one GetItem),
then the report (one GetItem) says whether the public may see it, so a link
kept from before a report went private answers 404 to the public from then
on. A photo whose row names no report (never attached, or a row older than
this rule) is not shown on a plain link.

A signed link (`?exp=&sig=`) is what views for those who may see more give
(a reporter's private view, staff and crews, chat, e-mails to the bodies a
report is sent to): an <img> sends no Authorization header, so the link
carries the permission itself, for a while (VIEW_LINK_S, or BODY_LINK_S in
an e-mail to a body), bound to the photo's name by an HMAC.

A photo sent in a live chat lies under chat-photos/, not photos/ (its deletion with the chat may not
reach a report's): its link is signed alone, says `of=chat`, and its signature is made for a chat's
photo, so neither kind's link opens the other's file. A plain link never opens a chat's photo.

The redirect's Cache-Control is private (no shared cache, such as
CloudFront, keeps it) and short, and the S3 URL it points to lives
S3_URL_S: a report made private stops showing its photos within a minute
in any browser that opened them, and to no one else.
"""
import hashlib
import hmac

from ... import visibility
from ...errors import NotFound
from ...validation import digits
from .wording import NO_SUCH_PHOTO

VIEW_LINK_S = 6 * 3600
BODY_LINK_S = 30 * 86400
S3_URL_S = 300
CHAT = "chat"  # `of=chat`: a chat's photo (its prefix and its signatures its own)
CACHE = {"Cache-Control": "private, max-age=60"}


def signed_query(deps, name, valid_s=VIEW_LINK_S, of=None):
    """Valid for valid_s to valid_s + an hour: the expiry is rounded up to the
    hour, so a view read twice within the hour gives the same links (a retried
    request's answer, a browser's cached image, an ETag). of: CHAT for a chat's photo."""
    expires = -(-(int(deps.clock().timestamp()) + valid_s) // 3600) * 3600
    return (f"of={of}&" if of else "") + f"exp={expires}&sig={_mac(name, expires, of)}"


def location(deps, name, query):
    """The photo's short-lived S3 URL for this caller, or NotFound."""
    from ...storage.blobs import CHAT_PHOTO_PREFIX
    from .uploads import PHOTO_NAME, PHOTO_PREFIX
    of = query.get("of")
    if not PHOTO_NAME.match(name or "") or of not in (None, CHAT):
        raise NotFound(NO_SUCH_PHOTO, code="photo_not_found")
    if not (_signed(deps, name, query, of) or (of is None and _visible(deps, name))):
        raise NotFound(NO_SUCH_PHOTO, code="photo_not_found")
    return deps.blobs.download_url((CHAT_PHOTO_PREFIX if of == CHAT else PHOTO_PREFIX) + name, expires_in=S3_URL_S)


def _visible(deps, name):
    from ...auth.policy import can_see_private
    upload = deps.reports.upload(name.split(".")[0])
    report = deps.reports.get(upload.report_id) if upload is not None and upload.report_id else None
    if report is None and upload is not None and upload.report_id:
        return _visible_where_held(deps, upload.report_id)
    if report is None:
        return False
    return (visibility.details_are_public(report, deps.services.get(report.service_code))
            or can_see_private(deps.principal, report))


def _signed(deps, name, query, of=None):
    expires, sig = query.get("exp") or "", query.get("sig") or ""
    if not digits(expires) or int(expires) < deps.clock().timestamp():
        return False
    return hmac.compare_digest(_mac(name, int(expires), of), sig)


def _mac(name, expires, of=None):
    from ...auth.keys import signing_key
    what = "chat-photo" if of == CHAT else "photo"
    return hmac.new(signing_key(), f"{what}:{name}:{expires}".encode(), hashlib.sha256).hexdigest()[:32]


def _visible_where_held(deps, report_id):
    """A photo of a report made here that another council of the deployment holds
    (reports/across.py): shown while that council shows the report's details to the
    public, or to its owner; read as that council, in its partitions."""
    from ... import tenancy
    holder = deps.elsewhere.holder(report_id)
    if holder is None:
        return False
    with tenancy.acting_for(holder):
        home = deps.for_council()
        report = home.reports.get(report_id)
        owner = report is not None and deps.principal is not None and report.user_id == deps.principal.user_id
        return report is not None and (owner or visibility.details_are_public(
            report, home.services.get(report.service_code)))
