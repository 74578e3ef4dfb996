"""SCIM's refusals: an ApiError whose code is RFC 7644's scimType (api/scim_errors.py renders it)."""
from ...errors import ApiError


class ScimError(ApiError):
    def __init__(self, status, detail, scim_type=None, headers=None):
        super().__init__(detail, code=scim_type or "scim_error", status=status, headers=headers)


def bad(detail, scim_type="invalidValue"):
    return ScimError(400, detail, scim_type)


def not_found(detail):
    return ScimError(404, detail)
