"""A file question's answer made the submission's own, the moment its page
is saved: each upload (the app's one upload path: a presigned form straight
to storage) is read back and checked by its real bytes against the types
and size the question takes, then copied under `form-files/<submission>/`.
Uploads are forgotten a day after they are made (the bucket's lifecycle
and the upload record's TTL); a form saved and come back to a week later
keeps its files because they are copied now, not when it is sent.

Photos are decoded and encoded again, as a report's are (reports/photos.py):
EXIF, GPS above all, and every other metadata gone. A PDF or an office
document is checked by its signature only and kept as sent. HEIC is refused
here: it cannot be decoded on the server, so its metadata cannot be taken
off (the app's phone turns any photo it can read into a JPEG before it
travels, so a resident using the app never meets this)."""
from ... import ids
from ...storage.blobs import UPLOAD_PREFIX
from . import wording as w
from .limits import FILE_TYPES

PREFIX = "form-files/"
NAME_MAX = 120  # a file's name as the resident's phone gave it: shown, never a storage key
ZIPPED = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.oasis.opendocument.text")


def kept_files(deps, submission, q, raw, field=None):
    """(value, [(field, message)]): the question's files, those kept on an
    earlier save as they were, each new one checked and copied. Each is an
    upload id, or {upload_id, name}: the name the file had, kept to show it
    back (check your answers, the case), never used to store or serve it."""
    field = field or q["id"]
    ids = raw if isinstance(raw, list) else [raw]
    most = q.get("max_files", 1)
    if len(ids) > most:
        return None, [(field, w.too_many_files(q["label"], most))]
    earlier = {f["upload_id"]: f for f in submission.answers.get(q["id"]) or () if isinstance(f, dict)}
    value, problems = [], []
    for n, given in enumerate(ids):
        upload_id, name = (given.get("upload_id"), file_name(given.get("name"))) if isinstance(given, dict) \
            else (given, None)
        if isinstance(upload_id, str) and upload_id in earlier:
            value.append(_named(earlier[upload_id], name))
            continue
        kept, message = _keep(deps, submission, q, upload_id)
        if message:
            problems.append((f"{field}[{n}]", message))
        else:
            value.append(_named(kept, name))
    return (value if not problems else None), problems


def file_name(given):
    """The name the resident's file had on their phone, as words to show: its last
    path part, without control characters, at most NAME_MAX long; None if nothing is left."""
    if not isinstance(given, str):
        return None
    import unicodedata
    base = given.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    return cleaned[:NAME_MAX] or None


def _named(kept, name):
    return {**kept, "name": name} if name else kept


def _keep(deps, submission, q, upload_id):
    return keep_upload(deps, upload_id, q, f"{PREFIX}{submission.id}/{upload_id}",
                       lambda upload: _made_for(deps, submission, upload))


def keep_upload(deps, upload_id, q, key, may_take):
    """(the kept file {upload_id, content_type, size}, None) or (None, a message): the upload checked by its
    real bytes against the question's `types` and `max_bytes` (its `label` names it in the message), cleaned
    if a photo, and copied to `key`; `may_take(upload)` says whether the caller may claim it. Forms' files
    and a licence application's documents (licensing/documents.py) are kept this one way."""
    from ...storage.blobs import BlobMissing
    upload = deps.reports.upload(upload_id) if isinstance(upload_id, str) and len(upload_id) <= 64 else None
    if upload is None or not may_take(upload) or upload.content_type not in FILE_TYPES:
        return None, w.required(q)
    names = [FILE_TYPES[t] for t in q["types"]]
    if upload.content_type not in q["types"]:
        return None, w.file_type(q["label"], names)
    try:
        size = deps.blobs.size_of(UPLOAD_PREFIX + upload_id)
        if size > q["max_bytes"]:
            return None, w.file_size(q["label"], q["max_bytes"])
        data = deps.blobs.read(UPLOAD_PREFIX + upload_id)
    except BlobMissing:
        return None, w.required(q)
    content_type, data = _checked(upload.content_type, data)
    if content_type is None:
        return None, w.file_type(q["label"], names)
    deps.blobs.write(key, data, content_type, cache_control="private, no-store")
    return {"upload_id": upload_id, "content_type": content_type, "size": len(data)}, None


def _made_for(deps, submission, upload):
    """An upload is the submission's to keep when the account that made it is the caller, or,
    made anonymously, with this submission's token (its digest, `holder`). An anonymous upload
    made without one is no one's: its id alone claims nothing, so another resident naming it
    in their form copies nothing."""
    caller = deps.principal.user_id if deps.principal else None
    if upload.owner:
        return upload.owner == caller
    return bool(upload.holder and submission.access_hash
                and ids.constant_time_equal(upload.holder, submission.access_hash))


def _checked(claimed, data):
    """(content type, bytes to keep), or (None, None) when the bytes are not what was claimed."""
    if claimed.startswith("image/"):
        from ..reports import photos
        try:  # HEIC is not a type Pillow reads here: refused as a picture we cannot clean
            if photos.sniff(data) != claimed:
                return None, None
            cleaned = photos.clean_photo(data)
        except photos.PhotoRejected:
            return None, None
        return cleaned.content_type, cleaned.data
    if claimed == "application/pdf":
        return (claimed, data) if data.startswith(b"%PDF-") else (None, None)
    if claimed in ZIPPED:
        return (claimed, data) if data.startswith(b"PK\x03\x04") else (None, None)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, None
    return (claimed, data) if "\x00" not in text else (None, None)


def named(answers):
    """The upload ids of the files the answers name."""
    return {kept["upload_id"] for answer in answers.values() for kept in (answer if isinstance(answer, list) else ())
            if isinstance(kept, dict) and "upload_id" in kept and "content_type" in kept}


def on_submitted(deps, event, key):
    """The effect of `form_submitted`: the files kept on the way (a file replaced on a page, one
    left on a branch the resident turned away from, one copied by a save that lost a race)
    deleted, those the sent answers name kept. Carried out again, it finds nothing to delete."""
    submission = deps.form_submissions.get((event.payload or {}).get("submission_id"))
    if submission is not None and submission.state == "submitted":
        delete_files(deps, submission, keep=named(submission.answers))


def delete_files(deps, submission, keep=()):
    """Every file under the submission's prefix but those in `keep` (forms/retention.py deletes
    them all, with the submission): listed, so a file no answer names goes too."""
    prefix = f"{PREFIX}{submission.id}/"
    for found in deps.blobs.keys(prefix):
        if found[len(prefix):] not in keep:
            deps.blobs.delete(found)
