"""A council's directory as its SCIM client (Entra ID's provisioning service) keeps it here: its users, its
groups and the log of every change either made (handlers/scim).

storage/records.py says what these values are and loads this module when one is named."""
from __future__ import annotations  # the annotations are for readers: nothing evaluates them

from dataclasses import field
from datetime import datetime  # noqa: F401  (named in annotations)

from ..record_class import when_named


@when_named
class ScimUser:
    """A user the council's directory provisioned: the SCIM resource, and the Doorstep person it is
    (`person_id`, found by the council's key for `user_name`: auth/directory.person_key)."""
    id: str
    user_name: str
    person_id: str
    external_id: str | None = None
    active: bool = True
    display_name: str | None = None
    name: dict = field(default_factory=dict)  # RFC 7643's name: formatted, familyName, givenName...
    emails: list = field(default_factory=list)  # [{"value", "type", "primary"}]
    groups: set | None = None  # the ids of the council's SCIM groups they are a member of
    created: datetime | None = None
    last_modified: datetime | None = None
    version: int | None = None


@when_named
class ScimGroup:
    id: str
    display_name: str
    external_id: str | None = None  # Entra's object id: what the council's settings' groups name
    members: set | None = None  # the ids of its SCIM users
    created: datetime | None = None
    last_modified: datetime | None = None
    version: int | None = None


@when_named
class DirectoryChange:
    """One line of the council's provisioning log: what the directory changed, to whom, when, by which token."""
    at: datetime
    action: str  # provisioned, changed, deactivated, reactivated, removed, joined, left, group_made, group_changed,
    # group_removed; suspended (unused for the council's unused_days, handlers/scim/unused.py)
    kind: str  # "user" or "group"
    target_id: str  # the SCIM resource's id
    target: str  # its userName, or the group's displayName, as it was then
    by: str  # the token's name and its fingerprint ("scim-token:3f9a1c2e")
    person_id: str | None = None  # the Doorstep person it is, for a user
    group: str | None = None  # the group joined or left
    changes: dict = field(default_factory=dict)  # {attribute: [before, after]}
    seq: str | None = None  # its key in the log: the time, then an id of its own
