"""A resident completes a form: start one (on the version published now,
kept to the end), answer it a page at a time (each page checked with the
question's own words), go back, check the answers (only the pages taken) and
send it, getting its reference at once.

Who may open a submission: the signed-in resident who started it, or the
browser holding its token (`Form-Token`), given at the start and again by a
resume link. Anyone else is told it does not exist."""
from datetime import timedelta

from ... import ids
from ...auth.policy import Forbidden
from ...errors import ApiError, Conflict, NotFound, ValidationFailed
from . import wording
from .limits import END
from .routing import page_of, walk

ID_PREFIX, ID_LENGTH = "FM-", 8  # 30**8 ids; a collision is retried
IN_PROGRESS_DAYS = 28  # a form not sent is deleted this long after its last save
BACKSTOP = timedelta(days=30)  # DynamoDB's TTL after that, should the daily sweep (retention.py) not run
IDEMPOTENCY_HOURS = 24


def new_id():
    return ids.new_reference(ID_PREFIX, ID_LENGTH)


def start(deps, form_id, body, idempotency_key):
    """(view, created): a new submission of the published version (staff
    previewing: of the draft), its token given to an anonymous caller."""
    from ...storage.errors import AlreadyExists
    from ...storage.forms.form_submissions import FormSubmission
    from ..shared.idempotency import Claim
    from .managing import published
    preview = body.get("preview") is True
    if preview:
        version = _preview_version(deps, form_id)
    else:
        head, definition = published(deps, form_id)
        if head.kind == "link_out":
            raise Conflict(wording.FORM_LINKS_OUT, code="form_links_out")
        if head.kind == "licence":  # asked when applying for the licence (licensing/answers.py)
            raise Conflict(wording.FORM_IS_A_LICENCE, code="form_is_a_licence")
        version = head.published
    user_id = deps.principal.user_id if deps.principal else None
    claim = Claim(deps, idempotency_key, user_id, {"form_id": form_id, "preview": preview},
                  lambda record: _replayed(deps, record), "another form")
    earlier = claim.earlier()
    if earlier is not None:
        return earlier, False
    from ...auth import rate_limits
    rate_limits.creation(deps, "form")
    now = deps.clock()
    token = None if user_id else deps.new_token()
    for _ in range(3):
        submission = FormSubmission(
            id=new_id(), form_id=form_id, form_version=version, state="in_progress", user_id=user_id,
            access_hash=ids.digest(token) if token else None, preview=preview, created_at=now, updated_at=now,
            delete_at=now + timedelta(days=IN_PROGRESS_DAYS), expires=now + timedelta(days=IN_PROGRESS_DAYS) + BACKSTOP)
        try:
            deps.form_submissions.create(submission, claim.record(submission.id, now, IDEMPOTENCY_HOURS, token))
            break
        except AlreadyExists as e:
            if e.args and e.args[0] == "idempotency":
                return claim.twin(), False
    return {**view(deps, submission), **({"token": token} if token else {})}, True


def _preview_version(deps, form_id):
    from ...auth.policy import who_opens
    from ...auth.rules import DRAFT_FORM
    if not who_opens(deps.principal, DRAFT_FORM, None):  # the forms desk's officers
        raise Forbidden(wording.PREVIEW_STAFF_ONLY)
    head = deps.forms.head(form_id)
    if head is None or not (head.draft or head.published):
        raise NotFound(wording.NO_SUCH_FORM, code="form_not_found")
    return head.draft or head.published


def _replayed(deps, record):
    submission = deps.form_submissions.get(record.resource_id)
    if submission is None:
        return None
    return {**view(deps, submission), **({"token": record.secret} if record.secret else {})}


def opened(deps, submission_id, token):
    """(submission, its definition) for the caller it belongs to; 404 for anyone else."""
    submission = deps.form_submissions.get(submission_id) if isinstance(submission_id, str) else None
    mine = submission is not None and (
        (submission.user_id and deps.principal and deps.principal.user_id == submission.user_id)
        or (submission.access_hash and token and ids.constant_time_equal(submission.access_hash,
                                                                          ids.digest(token))))
    if not mine:
        raise NotFound(wording.NO_SUCH_SUBMISSION, code="submission_not_found")
    return submission, deps.forms.definition(submission.form_id, submission.form_version)


def read(deps, submission_id, token):
    submission, _ = opened(deps, submission_id, token)
    return view(deps, submission)


SERVICE = "forms"  # the service a form sent counts in (feedback/services.py)


def view(deps, submission, definition=None):
    definition = definition or deps.forms.definition(submission.form_id, submission.form_version)
    taken, coming = walk(definition, submission.answers)
    out = {"id": submission.id, "form_id": submission.form_id, "version": submission.form_version,
           "title": definition["title"], "state": submission.state, "taken": submission.taken or taken,
           "next": "check" if coming == END else coming, "preview": submission.preview,
           "updated_at": submission.updated_at.isoformat() if submission.updated_at else None}
    if submission.payment_id:
        out["payment"] = {"status": submission.payment_status or "started"}
    if submission.paid:
        out["paid"] = {"amount": submission.paid["amount"], "description": submission.paid["description"]}
    if submission.state == "submitted":
        out.update(reference=submission.id, submitted_at=submission.submitted_at.isoformat(), next=None,
                   what_happens_next=definition.get("what_happens_next"))
        if not submission.preview:  # sent: how did it go? (counted by its event's effect, copies.py)
            from ..feedback.counting import question
            out["feedback"] = question(SERVICE, submission.id, "online", submission.submitted_at)
    return out


def page(deps, submission_id, page_id, token):
    """One page to show: its questions, the answers given, and where back goes."""
    submission, definition = opened(deps, submission_id, token)
    found, back = _reachable(submission, definition, page_id)
    from .prefill import prefilled
    answers = {q["id"]: submission.answers[q["id"]] for q in found["questions"] if q["id"] in submission.answers}
    return {"submission": submission.id, "page": found, "answers": answers, "back": back,
            "prefill": {} if answers else prefilled(deps, found)}


def answer(deps, submission_id, page_id, body, token):
    """A page's answers checked and saved: where the resident goes next."""
    from ...storage.errors import EditConflict
    from .answers import blank, check
    from .files import kept_files
    submission, definition = opened(deps, submission_id, token)
    if submission.state == "paying":
        raise Conflict(wording.PAYING, code="payment_under_way")
    if submission.state != "in_progress":
        raise Conflict(wording.FORM_SENT, code="submission_sent")
    found, _ = _reachable(submission, definition, page_id)
    given = body.get("answers")
    if not isinstance(given, dict):
        raise ValidationFailed([("answers", wording.ANSWERS_NOT_AN_OBJECT)])
    problems, kept = [], {}
    for question in found["questions"]:
        raw = given.get(question["id"])
        kept[question["id"]], wrong = kept_files(deps, submission, question, raw) \
            if question["type"] == "file" and not blank(raw) else check(deps, question, raw)
        problems += wrong
    if problems:
        raise ValidationFailed(problems, message=wording.ANSWERS_INVALID)
    expected = submission.seq
    submission.answers = {**submission.answers, **kept}
    submission.updated_at = deps.clock()
    submission.delete_at = submission.updated_at + timedelta(days=IN_PROGRESS_DAYS)
    submission.expires = submission.delete_at + BACKSTOP
    try:
        deps.form_submissions.save(submission, expected)
    except EditConflict:
        raise Conflict(wording.ANSWERS_CHANGED_RELOAD, code="edit_conflict")
    taken, coming = walk(definition, submission.answers)
    return {"next": "check" if coming == END else coming, "taken": taken}


class NotReached(ApiError):
    """409 page_not_reached naming the page the resident's answers lead to
    (`next`: its id, or "check" when every page on their path is answered):
    the page asked for may be on a branch their answers never take, so
    "the pages before this one" would send them looking for a page that is
    not on their way."""
    status, code = 409, "page_not_reached"

    def __init__(self, definition, coming):
        self.next = "check" if coming == END else coming
        target = None if coming == END else page_of(definition, coming)
        super().__init__(wording.answer_first(target and page_name(target)))

    def body(self):
        return {**super().body(), "next": self.next}


def page_name(page):
    """A page as its resident knows it: its title, or its first question's label."""
    return page.get("title") or page["questions"][0]["label"]


def _reachable(submission, definition, page_id):
    """(page, the page before it on the path): only a page on the resident's
    path, or the one they are to answer next, may be shown or answered."""
    taken, coming = walk(definition, submission.answers)
    found = page_of(definition, page_id)
    if found is None:
        raise NotFound(wording.NO_SUCH_FORM_PAGE, code="page_not_found")
    if page_id not in taken and page_id != coming:
        raise NotReached(definition, coming)
    before = taken[:taken.index(page_id)] if page_id in taken else taken
    return found, before[-1] if before else None
