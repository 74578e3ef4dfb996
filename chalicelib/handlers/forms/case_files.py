"""A form's files opened by staff from its case. Nothing serves them publicly:
each opening is asked for by an officer whose scope covers the case (its
category is the form's), saying why, writes a line to the case's audit (who,
when, which file, why: shared/reading.py), and is answered with a link to that file made for them alone, which
works for a minute and saves the file rather than showing it inside the app.
A file the sent answers do not name is not opened (the send deleted it)."""
from datetime import timedelta

from ...errors import NotFound
from ...stamps import stamp
from . import wording
from .files import PREFIX

LINK_SECONDS = 60  # long enough to start a download; a link forwarded later opens nothing


def form_case(deps, report_id):
    """(report, submission or None once deleted, its definition or None): the case the caller
    may manage (403 outside their scope, 404 when there is none or it is not a form's)."""
    from ..staff.view import managed_report
    from .cases import sent_with_definition
    report = managed_report(deps, report_id)
    reference = (report.fields or {}).get("form_reference")
    if not reference:
        raise NotFound(wording.NOT_A_FORM_CASE, code="not_a_form_case")
    submission, definition = sent_with_definition(deps, reference)
    return report, submission, definition


def sent_files(submission):
    """{upload id: the kept file} of every file the sent answers name (add-another items' too)."""
    found = {}

    def visit(value):
        if isinstance(value, list):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            if "upload_id" in value and "content_type" in value:
                found[value["upload_id"]] = value
            else:
                for inner in value.values():
                    visit(inner)
    visit(list(submission.answers.values()))
    return found


def open_file(deps, report_id, file_id):
    """The opening audited, then {url, expires_at, name, content_type}."""
    report, submission, _ = form_case(deps, report_id)
    kept = sent_files(submission).get(file_id) if submission is not None else None
    if kept is None:
        raise NotFound(wording.NO_SUCH_FILE, code="file_not_found")
    from ..shared.reading import audited
    now = deps.clock()
    name = kept.get("name") or wording.unnamed_file(submission.id, kept["content_type"])
    audited(deps, report.id, f"{name} ({file_id})", after=report.version, action="file_opened")
    url = deps.blobs.download_url(f"{PREFIX}{submission.id}/{file_id}", expires_in=LINK_SECONDS,
                                  filename=name, content_type=kept["content_type"])
    return {"url": url, "expires_at": stamp(now + timedelta(seconds=LINK_SECONDS)), "name": name,
            "content_type": kept["content_type"], "size": kept["size"]}
