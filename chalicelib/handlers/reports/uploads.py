"""Uploads (a report's photos, a form's files): a presigned S3 form for the
phone, then checking and cleaning by whatever claims them (a report: attach).

The browser sends the file straight to S3 (no 10 MB body through Lambda);
when a report names the upload, the server checks the real bytes, strips
metadata (GPS above all) and keeps only the cleaned copy for display.
"""
import re
from datetime import timedelta

from ... import ids, validation
from ...errors import ApiError, PayloadTooLarge, Unacceptable
from ...stamps import stamp
from ...storage.blobs import PHOTO_PREFIX, UPLOAD_PREFIX
from ...storage.records import Upload
from .wording import (FILE_TOO_LARGE, ONE_OF, PHOTO_ALREADY_ATTACHED, PHOTO_NEVER_UPLOADED, PHOTO_TOO_LARGE,
                      SIZE_NOT_BYTES, TOO_LARGE, UPLOAD_UNKNOWN, UPLOAD_UNKNOWN_OR_EXPIRED, UPLOAD_USED,
                      UPLOAD_WITHOUT_FILE)

UPLOAD_EXPIRES = timedelta(minutes=15)
UPLOAD_KEEP = timedelta(days=1)  # an unattached upload is forgotten after this
PHOTO_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png)$")


def create_upload(deps, body, form_token=None):
    from . import photos
    from .limits import DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_BYTES
    problems = validation.Problems()
    body = body if isinstance(body, dict) else {}
    content_type = body.get("content_type")
    if not isinstance(content_type, str):
        content_type = None  # an object or a list would reach the set lookups below unhashable: a 500
    allowed = (*photos.CONTENT_TYPES, *DOCUMENT_CONTENT_TYPES)
    if content_type not in allowed:
        problems.add("content_type", ONE_OF.format(choices=", ".join(sorted(allowed))))
    most = DOCUMENT_MAX_BYTES if content_type in DOCUMENT_CONTENT_TYPES else photos.MAX_BYTES
    size = body.get("size")
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        problems.add("size", SIZE_NOT_BYTES)
    elif size > most:
        photo = content_type in photos.CONTENT_TYPES
        raise PayloadTooLarge((PHOTO_TOO_LARGE if photo else FILE_TOO_LARGE).format(megabytes=most // (1024 * 1024)),
                              code="photo_too_large" if photo else "file_too_large",
                              fields=[{"field": "size", "message": TOO_LARGE}])
    problems.raise_if_any()
    from ...auth import rate_limits
    rate_limits.creation(deps, "upload")
    now = deps.clock()
    upload_id = deps.new_opaque_id()
    form = deps.blobs.presigned_upload(UPLOAD_PREFIX + upload_id, content_type, most,
                                       int(UPLOAD_EXPIRES.total_seconds()))
    deps.reports.save_upload(Upload(upload_id=upload_id, content_type=content_type, size=size,
                                    created_at=now, expires=now + UPLOAD_KEEP, owner=_caller(deps),
                                    holder=ids.digest(form_token) if form_token else None))
    return {"upload_id": upload_id, "url": form["url"], "fields": form["fields"],
            "expires_at": stamp(now + UPLOAD_EXPIRES),
            "max_bytes": most}


def store_upload(deps, data, content_type):
    """An upload made from bytes the server already holds (Open311's multipart
    photo parts): the same blob under uploads/ and the same upload record as
    a phone's upload through the presigned form, so attach() cleans it alike.
    Returns the upload id."""
    from . import photos
    now = deps.clock()
    upload_id = deps.new_opaque_id()
    claimed = content_type if content_type in photos.CONTENT_TYPES else "application/octet-stream"
    deps.blobs.write(UPLOAD_PREFIX + upload_id, data, claimed)
    deps.reports.save_upload(Upload(upload_id=upload_id, content_type=claimed, size=len(data),
                                    created_at=now, expires=now + UPLOAD_KEEP))
    return upload_id


def attach(deps, upload_ids, now, into=PHOTO_PREFIX):
    """Check and clean each named upload into the prefix `into` (a report's photos/, a chat's
    chat-photos/); returns [(Upload, photo dict)].

    Cleaning is idempotent (the cleaned copy's name derives from the upload),
    so a retried report creation may safely run it again.
    """
    if not upload_ids:
        return []  # most reports: a cold start need not load the photo cleaner
    from . import photos
    from ...storage.blobs import BlobMissing
    attached = []
    for index, upload_id in enumerate(upload_ids):
        field = f"photos[{index}]"
        upload = deps.reports.upload(upload_id) if re.fullmatch(r"[0-9a-f]{32}", upload_id) else None
        if upload is not None and upload.owner and upload.owner != _caller(deps):
            upload = None  # another account's photo: as unknown to this caller as one never made
        if upload is None or (upload.expires and upload.expires < now):
            raise Unacceptable(UPLOAD_UNKNOWN_OR_EXPIRED,
                               code="upload_not_found", fields=[{"field": field, "message": UPLOAD_UNKNOWN}])
        if upload.report_id:
            raise ApiError(PHOTO_ALREADY_ATTACHED, status=409,
                           code="photo_already_used", fields=[{"field": field, "message": UPLOAD_USED}])
        try:
            if deps.blobs.size_of(UPLOAD_PREFIX + upload_id) > photos.MAX_BYTES:
                raise photos.PhotoRejected("photo_too_large",
                                           PHOTO_TOO_LARGE.format(megabytes=photos.MAX_BYTES // (1024 * 1024)))
            cleaned = photos.clean_photo(deps.blobs.read(UPLOAD_PREFIX + upload_id))
        except BlobMissing:
            raise Unacceptable(PHOTO_NEVER_UPLOADED,
                               code="upload_missing", fields=[{"field": field, "message": UPLOAD_WITHOUT_FILE}])
        except photos.PhotoRejected as e:
            raise Unacceptable(e.message, code=e.code, fields=[{"field": field, "message": e.message}])
        extension = "png" if cleaned.content_type == "image/png" else "jpg"
        name = f"{upload_id}.{extension}"
        deps.blobs.write(into + name, cleaned.data, cleaned.content_type)
        attached.append((upload, {"name": name, "content_type": cleaned.content_type,
                                  "width": cleaned.width, "height": cleaned.height}))
    return attached


def _caller(deps):
    """A signed-in caller's account: their uploads are theirs alone. An
    anonymous upload is attached by whoever holds its random id (a resident
    who signs in half-way through a report keeps the photos they took)."""
    p = deps.principal
    return p.user_id if p is not None else None

