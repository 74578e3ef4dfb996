"""Web Push set-up for the PWA: the key its service worker subscribes with."""
from ...errors import ServiceUnavailable
from .wording import PUSH_NOT_SET_UP


def vapid_public_key():
    from ...notify.deliver import vapid_public_key
    from ...notify.vapid import VapidNotConfigured
    try:
        return {"public_key": vapid_public_key()}
    except VapidNotConfigured:
        # A deployed stage without its key: say so rather than a 500.
        raise ServiceUnavailable(PUSH_NOT_SET_UP, code="push_not_configured")
