"""Accounts, sessions, one-time tokens and the outbox of mail and texts.

storage/records.py says what these values are and loads this module when one is named."""
from __future__ import annotations  # the annotations are for readers: nothing evaluates them

from dataclasses import field
from datetime import datetime  # noqa: F401  (named in annotations)

from ..record_class import when_named


@when_named
class User:
    id: str
    email: str | None = None
    email_verified: bool = False
    email_from: str | None = None  # the provider (issuer) whose verified e-mail it is; None: the person's own
    password_hash: str | None = None
    name: str | None = None
    phone: str | None = None
    address: str | None = None
    uprn: str | None = None
    notifications: dict = field(default_factory=dict)
    granted_in: set | None = None  # the councils where they hold a grant (Grant): elsewhere a resident
    operator: bool = False  # the deployment's operator: adds councils and changes their settings
    signed_in_at: set | None = None  # the councils whose address they have signed in at
    before_councils: dict | None = None  # the grant a row from before councils holds (the default council's)
    session_epoch: int = 0
    identity_keys: list = field(default_factory=list)
    created_at: datetime | None = None
    moving_to: dict | None = None  # {uprn, address, from, move_id}: where they live from `from` (handlers/moving)
    bins_calendar_epoch: int = 0  # in their bin calendar's address (handlers/accounts/bin_calendar.py)
    version: int | None = None


@when_named
class Grant:
    """What makes a person an officer, a crew member or an administrator at one council (storage/accounts/grants.py).
    `council` is the council that granted it: the one the work is for, or, for an officer of a team two
    councils share, their own council's (auth/grants.py)."""
    user_id: str
    role: str  # crew, staff, admin
    team: str | None = None  # a crew member's team
    scope: dict = field(default_factory=dict)  # staff limits: {"categories": [...], "wards": [...]}
    roles: list = field(default_factory=list)  # the council's staff roles (auth/desks.py): the desks they open
    roles_history: list = field(default_factory=list)  # each change of roles: who, when, before and after
    changed_at: datetime | None = None
    council: str | None = None
    source: str | None = None  # "directory": the council's directory made it, and remakes it (auth/directory.py)
    break_glass: bool = False  # may sign in with a password where the council's officers may not
    last_signed_in: datetime | None = None  # at this council: an unused officer is suspended after its period
    version: int | None = None


@when_named
class Session:
    id: str
    user_id: str
    epoch: int
    created_at: datetime
    expires: datetime
    revoked: bool = False
    provider: str | None = None  # the council's staff sign-in provider it was begun with (its sign-out ends there too)
    ended_because: str | None = None  # why it was ended, when it was not by its holder: "directory_deactivated"


@when_named
class RefreshToken:
    token_hash: str
    session_id: str
    user_id: str
    expires: datetime
    rotated: bool = False


@when_named
class OneTimeToken:
    token_hash: str
    purpose: str  # verify_email, reset_password, provider_sign_in
    user_id: str
    expires: datetime
    email: str | None = None
    used: bool = False
    detail: dict | None = None


@when_named
class OutboxMessage:
    id: str
    channel: str  # email, sms
    to: str
    body: str
    created_at: datetime
    expires: datetime
    subject: str | None = None
    html: str | None = None
    headers: dict | None = None
    attachments: list | None = None  # [{filename, content_type, content (text)}]: an appointment's invite
    status: str = "kept"  # kept (local), sent, retry, failed; queued: waiting in the outbox to be sent
    queued: str | None = None  # the channel, while it waits to be sent (the sparse `queued` index)
    try_at: datetime | None = None  # when a sender may take it next
    tries: int = 0
    error: str | None = None  # the last try's failure (a webhook's answer), never what was sent
