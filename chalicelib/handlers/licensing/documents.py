"""The documents a licence type asks for (catalogue.py: `documents`, each {id, name, required?}), sent by the
applicant with the application or later, until the case is decided (an officer asked for a better plan), and
opened by licensing officers, each opening audited with its reason.

A document is an upload (the app's one upload path) checked and kept as a form's file is (forms/files.keep_upload:
its real bytes against the types taken, a photo decoded and encoded again so its EXIF and GPS are gone), under
`form-files/<case>/`: the forms engine's own kind of file, which the type's `form` will hold once its questions are
the application's, and which retention and a council's offboarding already know. Sending a document again replaces
it (the old file deleted once the case names the new one, unless another document still names it); sending the same upload again changes nothing. A type's
`required` documents must be there before the fee is asked (applying.pay)."""
from datetime import timedelta

from ... import validation
from ...errors import ApiError, Conflict, NotFound
from ...stamps import stamp
from . import catalogue, wording

PREFIX = "form-files/"
TYPES = ("application/pdf", "image/jpeg", "image/png",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "application/vnd.oasis.opendocument.text")
MAX_BYTES = 10 * 1024 * 1024
OPEN = ("draft", "received", "hearing", "given")  # paying: the fee is being taken; after: decided
LINK_SECONDS = 60  # an officer's link: long enough to start the download, useless forwarded later


def key_of(case_id, upload_id):
    return f"{PREFIX}{case_id}/{upload_id}"


def _asked(deps, case, document_id):
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
    asked = next((d for d in licence_type.get("documents") or [] if d.get("id") == document_id), None)
    if asked is None:
        raise NotFound(wording.NO_SUCH_DOCUMENT.format(document=document_id), code="document_not_found")
    return asked


def send(deps, case_id, document_id, body):
    """The applicant's document kept on their case (PUT: the same upload again is the same answer)."""
    from ...storage.errors import EditConflict
    from ..forms.files import file_name, keep_upload
    from .applying import own_case
    from .views import applicant_view
    body = body if isinstance(body, dict) else {}
    upload_id, name = body.get("upload_id"), file_name(body.get("name"))
    if body.get("name") is not None and not isinstance(body.get("name"), str):
        raise validation.broken_rules([("name", validation.words.TEXT)])
    for _ in range(3):
        case = own_case(deps, case_id)
        asked = _asked(deps, case, document_id)
        if case.state not in OPEN:
            raise Conflict(wording.DOCUMENTS_CLOSED.format(state=wording.state_words(case.state)), code="documents_closed")
        had = (case.documents or {}).get(document_id)
        if had and had["upload_id"] == upload_id:
            return applicant_view(deps, case)
        question = {"id": document_id, "label": asked["name"], "type": "file", "types": TYPES, "max_bytes": MAX_BYTES}
        kept, problem = keep_upload(deps, upload_id, question, key_of(case.id, upload_id),
                                    lambda upload: upload.owner is not None and upload.owner == deps.principal.user_id)
        if problem:
            raise validation.broken_rules([("upload_id", problem)])
        expected = case.seq
        case.documents = {**(case.documents or {}), document_id: {**kept, "name": name, "at": stamp(deps.clock())}}
        case.updated_at = deps.clock()
        try:
            deps.licensing.save(case, expected, listed=case.state != "draft")
        except EditConflict:
            continue  # the desk changed the case meanwhile: the file is kept, named on the next try
        if had and not any(d["upload_id"] == had["upload_id"] for d in case.documents.values()):
            # one upload sent as two documents (one combined PDF) is one file: kept while either names it
            deps.blobs.delete(key_of(case.id, had["upload_id"]))
        return applicant_view(deps, case)
    raise Conflict(wording.CHANGED_MEANWHILE, code="edit_conflict")


def open_for_officer(deps, case_id, document_id):
    """An officer's link to a document, the opening audited with their reason first: {url, expires_at, ...}."""
    from ..shared.reading import audited
    from .desk import case_or_404
    case = case_or_404(deps, case_id)
    asked = _asked(deps, case, document_id)
    sent = (case.documents or {}).get(document_id)
    if sent is None:
        raise ApiError(wording.DOCUMENT_NOT_SENT.format(document=asked["name"]), status=404, code="file_not_found")
    name = sent.get("name") or f"{case.id}-{document_id}"
    audited(deps, case.id, f"{asked['name']}: {name}", action="file_opened")
    url = deps.blobs.download_url(key_of(case.id, sent["upload_id"]), expires_in=LINK_SECONDS, filename=name,
                                  content_type=sent["content_type"])
    return {"url": url, "expires_at": stamp(deps.clock() + timedelta(seconds=LINK_SECONDS)), "name": name,
            "content_type": sent["content_type"], "size": sent["size"]}
