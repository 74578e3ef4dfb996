"""The delivery channels' test kit: a local push service and a browser
subscribed to it (fixtures: import them), an alert message, and settings for a
deployed stage (where mail and texts really leave)."""
import dataclasses
import itertools
from datetime import datetime, timezone

import pytest

from support.push_service import PushService

NOW = datetime(2026, 11, 21, 9, 30, tzinfo=timezone.utc)
_ids = itertools.count(1)


def new_id():
    return f"msg-{next(_ids)}"


def alert(**overrides):
    """An alert message as the dispatcher builds it."""
    message = {"event_id": "ev-1", "title": "DS-7K3F9Q is now Fixed",
               "body": "The pothole outside the Minster's west door was filled today.",
               "url": "https://doorstep.example.gov.uk/reports/DS-7K3F9Q", "report_id": "DS-7K3F9Q",
               "state": "fixed", "unsubscribe_url": "https://doorstep.example.gov.uk/v1/alerts/unsubscribe?t=abc"}
    message.update(overrides)
    return message


def stage(name, **fields):
    """The settings in force, on another stage."""
    from chalicelib.config import settings
    return dataclasses.replace(settings(), stage=name, **fields)


@pytest.fixture
def push_service():
    with PushService() as service:
        yield service


@pytest.fixture
def browser(push_service):
    """A browser subscribed with our VAPID key, as the PWA would be."""
    from chalicelib.notify.deliver import vapid_public_key
    return push_service.subscribe(application_server_key=vapid_public_key())
