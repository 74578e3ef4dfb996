"""Which partner system an Open311 `api_key` names, and what it may post.

Keys are data (`doorstep open311-keys`, stored as SHA-256 only), each one
council's: a key is looked for in the partitions of the council the request is
for, so another council's key is unknown here. The OPEN311_API_KEYS environment
list still works, for the deployment's default council alone (the council it
served before there were several), so `make run` and a stage without issued
keys behave as before; those keys have no scope and share the partner name "env".
"""
import hmac
import os
import secrets
from dataclasses import dataclass

from ... import ids, tenancy
from ...api.open311_formats import Open311Error

ENV_PARTNER = "env"


@dataclass(frozen=True)
class Partner:
    name: str
    categories: tuple = ()  # empty: every category

    def may_post_to(self, service_code):
        return not self.categories or service_code in self.categories


def new_key():
    return "o311_" + secrets.token_urlsafe(32)


def partner_for(given):
    """The Partner the key belongs to; a 403 for a missing, unknown or revoked key."""
    refused = Open311Error(403, "Invalid or missing api_key: ask the council for one.")
    if not given:
        raise refused
    from ...storage.staff.open311_keys import Open311KeyStore
    record = Open311KeyStore().by_hash(ids.digest(given))
    if record is not None:
        if record.revoked:
            raise refused  # even if the same string is also in the environment
        return Partner(record.name, tuple(record.categories or ()))
    configured = [k.strip() for k in os.environ.get("OPEN311_API_KEYS", "").split(",") if k.strip()]
    if tenancy.current() == tenancy.default() and any(hmac.compare_digest(given.encode(), k.encode())
                                                      for k in configured):
        return Partner(ENV_PARTNER)
    raise refused


def require_category(partner, service_code):
    if not partner.may_post_to(service_code):
        raise Open311Error(403, f"This api_key may not post to {service_code!s:.40}.")
