"""Staff download a form's submissions as CSV: one row per submission sent,
oldest first, a column per question (of every version sent, in the order
each first appears), answers in the words staff read in the case. The
form's category decides who may: staff whose scope names categories must
have the form's."""
import csv
import io

from ...auth.policy import Forbidden
from ...errors import NotFound
from . import wording
from .cases import in_words

ROWS_MAX = 10_000  # a download, not an archive: past this, the newest are left for the next


def submissions_csv(deps, form_id):
    head = deps.forms.head(form_id)
    if head is None:
        raise NotFound(wording.NO_SUCH_FORM, code="form_not_found")
    if head.kind == "licence":  # a licence's answers are read at the licensing desk, with a reason, audited
        raise Forbidden(wording.LICENCE_ANSWERS_AT_THE_DESK)
    category = (deps.forms.definition(form_id, head.latest).get("receiving") or {}).get("category")
    scope = (deps.principal.scope or {}).get("categories") if deps.principal.role != "admin" else None
    if scope and category not in scope:
        raise Forbidden(wording.SUBMISSIONS_OUTSIDE_SCOPE)
    rows, cursor = [], None
    while len(rows) < ROWS_MAX:
        page, cursor = deps.form_submissions.sent(form_id, cursor)
        rows.extend(page)
        if cursor is None:
            break
    columns = _columns(deps, form_id, sorted({r.form_version for r in rows}) or [head.latest])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["reference", "submitted_at", "version", "paid", "payment_id", *(label for _, label in columns)])
    for row in rows[:ROWS_MAX]:
        writer.writerow([row.id, row.submitted_at.isoformat(), row.form_version, *_paid(row.paid),
                         *(_cell(row.answers.get(qid)) if qid in row.answers else "" for qid, _ in columns)])
    return out.getvalue()


def _paid(paid):
    """The fee paid, in pounds as staff read it, and its payment's id (finance's key); blank for none."""
    if not paid:
        return "", ""
    from ..payments.core import pounds
    return pounds(paid["amount"]), paid["payment_id"]


def _columns(deps, form_id, versions):
    seen = {}
    for number in versions:
        for page in deps.forms.definition(form_id, number)["pages"]:
            for q in page["questions"]:
                seen.setdefault(q["id"], q["label"])
    return list(seen.items())


def _cell(value):
    text = in_words(value)
    # A cell a spreadsheet would run as a formula is kept as text (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
