"""Save and come back. Signed in, every save is kept against the account and
"my forms" lists what is in progress, on any device. Anonymous, the
resident asks for a link by e-mail: the link carries a token and the page
shows a code, both kept as digests only and both needed, so the e-mail
alone opens nothing; the link expires, is spent once used, and five wrong
codes spend it too. Opening it gives that browser a new token: the old
browser's is no longer good.

The e-mail is sent in the request, as petitions' confirmation links are:
it carries a secret kept only as a digest, which an event row or an outbox
row would have to hold in plain text; if it fails, asking again makes a new
link and the old one stops working."""
import secrets
from datetime import timedelta

from ... import ids, validation
from ...errors import ApiError, NotFound, ValidationFailed
from . import wording
from .completing import opened, view
from .limits import RESUME_CODE_MAX, RESUME_TOKEN_MAX

RESUME_DAYS = 7
CODE_DIGITS = 6
TRIES = 5


def save(deps, submission_id, body, token):
    """Anonymous: e-mail a link and show its code. Signed in: nothing to do."""
    from ...storage.errors import EditConflict
    submission, definition = opened(deps, submission_id, token)
    if submission.state != "in_progress":
        raise ApiError(wording.FORM_SENT, code="submission_sent", status=409)
    if submission.user_id:
        return {"saved": True, "signed_in": True}
    email = body.get("email")
    if not isinstance(email, str) or not validation.EMAIL.match(email.strip()) or len(email) > 254:
        raise ValidationFailed([("email", wording.RESUME_EMAIL)])
    from ...auth import rate_limits
    rate_limits.messages(deps, ["email"])  # an address nobody has proven: as any message to one
    now = deps.clock()
    link_token, code = deps.new_token(), "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
    expected = submission.seq
    submission.resume_hash, submission.code_hash = ids.digest(link_token), ids.digest(f"{submission.id}:{code}")
    submission.resume_email, submission.resume_expires, submission.resume_tries = email.strip(), \
        now + timedelta(days=RESUME_DAYS), 0
    submission.updated_at = now
    try:
        deps.form_submissions.save(submission, expected)
    except EditConflict:
        raise ApiError(wording.SAVED_AT_THE_SAME_MOMENT, code="edit_conflict", status=409)
    link = f"{deps.base_url}/forms/resume?s={submission.id}&t={link_token}"
    _send(deps, email.strip(), definition["title"], link, submission.resume_expires)
    return {"saved": True, "code": code, "expires_at": submission.resume_expires.isoformat(),
            "email": email.strip()}


def resume(deps, body):
    """{submission view, token}: the link's token and the code, checked."""
    from ...storage.errors import EditConflict
    problems = validation.Problems()
    submission_id = body.get("submission_id")
    if not isinstance(submission_id, str) or not submission_id:
        problems.add("submission_id", wording.REQUIRED)
    link_token = validation.token(body.get("token"), "token", problems, RESUME_TOKEN_MAX,
                                  missing=wording.REQUIRED)
    # A blank or over-long code is no code anyone was shown: refused before it can spend one of the tries.
    code = validation.token(body.get("code"), "code", problems, RESUME_CODE_MAX, missing=wording.RESUME_CODE)
    problems.raise_if_any()
    submission = deps.form_submissions.get(submission_id)
    now = deps.clock()
    if (submission is None or submission.state != "in_progress" or not submission.resume_hash
            or not ids.constant_time_equal(submission.resume_hash, ids.digest(link_token))
            or submission.resume_expires is None or submission.resume_expires <= now):
        raise NotFound(wording.RESUME_LINK_GONE, code="resume_link_not_found")
    expected = submission.seq
    if not ids.constant_time_equal(submission.code_hash or "", ids.digest(f"{submission.id}:{code.strip()}")):
        submission.resume_tries += 1
        if submission.resume_tries >= TRIES:
            submission.resume_hash = submission.code_hash = None
        try:
            deps.form_submissions.save(submission, expected)
        except EditConflict:
            pass  # another try counted at the same moment: this one is refused all the same
        raise ValidationFailed([("code", wording.RESUME_CODE)], message=wording.CODE_NOT_RIGHT)
    access = deps.new_token()
    submission.access_hash, submission.resume_hash, submission.code_hash = ids.digest(access), None, None
    try:
        deps.form_submissions.save(submission, expected)
    except EditConflict:
        raise NotFound(wording.RESUME_LINK_GONE, code="resume_link_not_found")  # opened at the same moment elsewhere
    return {**view(deps, submission), "token": access}


def mine(deps):
    """The signed-in resident's forms, latest first (in progress and sent)."""
    found = deps.form_submissions.of_user(deps.principal.user_id)
    return {"submissions": [view(deps, s) for s in found if not s.preview]}


def _send(deps, email, title, link, expires):
    from ...notify.email import send_email
    text = wording.SAVED_BODY.format(title=title, link=link, day=expires.day, expires=expires)
    send_email(email, wording.SAVED_SUBJECT.format(title=title), text, deps.clock(), deps.new_opaque_id)
