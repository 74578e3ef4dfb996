"""One error type tree, rendered as one JSON shape.

Every error a client sees looks like
    {"error": {"code": "validation_failed", "message": "...", "fields": [...]}}
`ApiError` derives from Chalice's unhandled-error class so it propagates out of
a view to the middleware in app.py, which renders it; Chalice's own error
bodies (405, 415, 500...) are rewritten into the same shape there too.
"""
from chalice.app import ChaliceUnhandledError

from . import wording as words


class ApiError(ChaliceUnhandledError):
    status = 400
    code = "bad_request"

    def __init__(self, message, *, code=None, status=None, fields=None, headers=None, report_at=None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status
        self.fields = fields or []
        self.headers = headers or {}
        self.report_at = report_at  # where a point this council does not look after can be reported instead

    def body(self):
        body = error_body(self.code, self.message, self.fields)
        if self.report_at:
            body["error"]["report_at"] = self.report_at
        return body


class ValidationFailed(ApiError):
    """Malformed or invalid input: 400 with one entry per bad field."""
    status = 400
    code = "validation_failed"

    def __init__(self, fields, message=None):
        super().__init__(message or words.FIELDS_INVALID, fields=[{"field": f, "message": m} for f, m in fields])


class Unacceptable(ApiError):
    """Well-formed input the council cannot accept (e.g. outside its area)."""
    status = 422
    code = "unprocessable"


class OutsideServiceArea(Unacceptable):
    """A point or shape the council does not look after (422 outside_service_area)."""
    code = "outside_service_area"

    def __init__(self, area_name, field="lat", noun=None):
        super().__init__(words.OUTSIDE_AREA.format(noun=noun or words.LOCATION, area=area_name or words.THIS_COUNCIL),
                         fields=[{"field": field, "message": words.OUTSIDE_AREA_FIELD}])


class NotFound(ApiError):
    status = 404
    code = "not_found"


class Conflict(ApiError):
    status = 409
    code = "conflict"


class Stale(Conflict):
    """409 edit_conflict for an If-Match that names an older version: the
    thing as it is now rides along with its ETag, so a client can show what
    changed and reapply its edit (a report for staff, a job for a crew)."""
    code = "edit_conflict"

    def __init__(self, current, current_etag, message=None, code=None):
        super().__init__(message or words.CHANGED_SINCE_READ,
                         code=code, headers={"ETag": current_etag})
        self.current = current

    def body(self):
        return {**super().body(), "current": self.current}


class PreconditionRequired(ApiError):
    status = 428
    code = "precondition_required"


class PayloadTooLarge(ApiError):
    status = 413
    code = "payload_too_large"


class ServiceUnavailable(ApiError):
    status = 503
    code = "service_unavailable"


# Chalice renders its own errors as {"Code": ..., "Message": ...}; these are the
# codes it uses, mapped to ours.
CHALICE_CODES = {
    "BadRequestError": "bad_request",
    "BadRequest": "bad_request",
    "UnauthorizedError": "unauthorized",
    "ForbiddenError": "forbidden",
    "NotFoundError": "not_found",
    "MethodNotAllowedError": "method_not_allowed",
    "UnsupportedMediaType": "unsupported_media_type",
    "RequestTimeoutError": "timeout",
    "ConflictError": "conflict",
    "UnprocessableEntityError": "unprocessable",
    "TooManyRequestsError": "too_many_requests",
    "InternalServerError": "internal_error",
}


def error_body(code, message, fields=None):
    error = {"code": code, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}
