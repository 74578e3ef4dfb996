"""Taking a photo off a public report, for staff (a face, a number plate) and
for its reporter (a photo of theirs they want back).

A photo is served only through GET /v1/photos/{name}, which signs a link to
photos/{name} in the private bucket for an hour (nothing caches the API's
paths, and the bucket is reached only by signed links). So a hidden photo is
copied to hidden-photos/{name} before the change commits, and photos/{name}
is deleted once it has: from then on the route answers 404 and every link
it already gave out fails, since S3 checks the key on each request. Staff
read the copy through short-lived links in their view.
"""
from ...errors import NotFound, Unacceptable
from ...stamps import stamp
from ...storage.blobs import HIDDEN_PHOTO_PREFIX, PHOTO_PREFIX
from ...storage.errors import EditConflict
from .wording import NOT_A_PHOTO, NOT_A_PHOTO_FIELD, NOT_A_PHOTO_NAMED


def hide(deps, report, names, now, by, reason, field=None):
    """Move the named photos from the report's public list to its hidden one
    (in memory), copying each to its hidden key; returns the names whose
    public keys go once the change commits: those moved, and any named that
    were hidden already (deleted again, so a retry finishes what a failed
    request began)."""
    public = {p["name"]: p for p in report.photos or []}
    hidden = {p["name"] for p in report.hidden_photos or []}
    unknown = [n for n in names if n not in public and n not in hidden]
    if unknown and field is None:  # the photo in the path
        raise NotFound(NOT_A_PHOTO, code="photo_not_found")
    if unknown:  # a request the document allows that names another report's photo
        raise Unacceptable(NOT_A_PHOTO_NAMED.format(photo=unknown[0]), code="photo_not_found",
                           fields=[{"field": field, "message": NOT_A_PHOTO_FIELD}])
    moved = [n for n in dict.fromkeys(names) if n in public]
    for name in moved:
        deps.blobs.copy(PHOTO_PREFIX + name, HIDDEN_PHOTO_PREFIX + name)
    report.photos = [p for p in report.photos or [] if p["name"] not in moved]
    report.hidden_photos = list(report.hidden_photos or []) + [
        {**public[n], "hidden_at": stamp(now), "by": by[1] or by[0], "reason": reason} for n in moved]
    return moved, [n for n in names if n in hidden]


def commit(deps, write, names, conflict):
    """Commit the ReportWrite (None: nothing to write), then delete the named
    photos' public keys. conflict(): the error a concurrent change gets."""
    if write is not None:
        try:
            deps.reports.apply([write])
        except EditConflict:
            raise conflict()
    for name in dict.fromkeys(names):
        deps.blobs.delete(PHOTO_PREFIX + name)  # deleting a key that is gone is no error in S3
