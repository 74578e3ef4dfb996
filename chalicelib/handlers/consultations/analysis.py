"""What staff see of the responses: live counts by ward (the counters the
responses ADD to: one Query, never the responses themselves), and the
responses as two CSV files for analysis, joined by the response's reference:
`responses.csv` (the answers that say what people think, the ward, flags)
and `respondents.csv` (the answers that say who they are or where they live:
names, e-mails, phones, addresses, properties, points, and the postcode).

Free text is kept whole: newlines, commas and quotes survive through the csv
module's quoting, nothing is cut; a cell a spreadsheet would run as a formula
starts with an apostrophe (CSV injection), as forms' export does."""
import csv
import io

from ...stamps import stamp
from .definition import form_of
from .managing import get_or_404
from .responding import PERSONAL_TYPES
from .timing import status

READINGS_PER_VERSION = 999  # respondents' downloads audited between two changes of the consultation
ROWS_MAX = 50_000  # one download; a consultation's responses are read a page (200) at a time


def counts(deps, consultation_id):
    consultation = get_or_404(deps, consultation_id)
    by_ward, total = deps.consultations.counts(consultation_id)
    return {"id": consultation_id, "status": status(consultation, deps.clock()), "total": total,
            "wards": [{"ward": ward, "responses": n} for ward, n in sorted(by_ward.items()) if n > 0],
            "counted_at": stamp(deps.clock())}


def questions(consultation, personal):
    """[(question id, label)] in the form's order: the personal ones, or the others."""
    found = []
    for page in form_of(consultation.doc)["pages"]:
        for q in page["questions"]:
            if _is_personal(q) == personal:
                found.append((q["id"], q["label"]))
    return found


def _is_personal(question):
    return question["type"] in PERSONAL_TYPES or (question["type"] == "date"
                                                  and question.get("input") == "date_of_birth")


def responses_csv(deps, consultation_id):
    consultation = get_or_404(deps, consultation_id)
    columns = questions(consultation, personal=False)
    head = ["response", "sent_at", "changed_at", "ward", "signed_in", "flags", *(label for _, label in columns)]
    return _write(deps, consultation_id, head, lambda r: [
        r.id, stamp(r.created_at), stamp(r.updated_at), r.ward, "yes" if r.user_id else "no", "; ".join(r.flags),
        *(_cell(r.answers.get(qid)) for qid, _ in columns)])


def respondents_csv(deps, consultation_id):
    consultation = get_or_404(deps, consultation_id)
    _audited(deps, consultation)  # personal details read by staff: who, when, before they are read
    columns = questions(consultation, personal=True)
    head = ["response", "postcode", *(label for _, label in columns)]
    return _write(deps, consultation_id, head, lambda r: [
        r.id, r.postcode or "", *(_cell(r.answers.get(qid)) for qid, _ in columns)])


def _audited(deps, consultation):
    """A line in the consultation's staff audit (the audit table, under its id), numbered after its
    version with a fraction as a form's file opened is (forms/case_files.py): never overwritten."""
    from ...errors import Conflict
    from ...storage.errors import AlreadyExists
    from ...storage.records import AuditEntry
    from . import wording
    p = deps.principal
    entry = AuditEntry(report_id=consultation.id, seq=0, action="respondents_downloaded", by_user_id=p.user_id,
                       by_email=p.email, created_at=deps.clock(),
                       changes={"respondents_csv": {"before": None, "after": f"{consultation.id}-respondents.csv"}})
    for n in range(1, READINGS_PER_VERSION + 1):
        entry.seq = int(consultation.version or 0) + n / 1000
        try:
            return deps.audit.add_reading(entry)
        except AlreadyExists:
            continue
    raise Conflict(wording.DOWNLOADED_TOO_OFTEN, code="downloaded_too_often")


def _write(deps, consultation_id, head, row_of):
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(head)
    cursor, written = None, 0
    while written < ROWS_MAX:
        page, cursor = deps.consultation_responses.page(consultation_id, cursor)
        for response in page:
            writer.writerow(row_of(response))
        written += len(page)
        if cursor is None:
            break
    return out.getvalue()


def _cell(value):
    from ..forms.cases import in_words
    if value is None:
        return ""
    text = in_words(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
