"""The tables of a council's SCIM directory. Every partition key, the tables' and their indexes', is a
CouncilKey: a council's directory is its own, and another council's token could not name it if it tried.

- directory-users: a user by its SCIM id; by externalId and by displayName (indexes), and the council's
  every user (listing: one Query, never a Scan).
- directory-names: a user's userName, lower-cased (RFC 7643 says userName is not case-exact): the key row
  whose conditional write makes a userName the council's once, never a read followed by a write.
- directory-groups: a group by its SCIM id, its members a set (joined and left by ADD and DELETE: two
  members added at once are both added); by externalId and displayName, and listed.
- directory-changes: the provisioning log, one partition per council, in time order (its sort key starts
  with the moment): what changed, to whom, when, by which token."""
from pynamodb.attributes import (BooleanAttribute, JSONAttribute, UnicodeAttribute, UnicodeSetAttribute,
                                 UTCDateTimeAttribute, VersionAttribute)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, table
from ..council_key import CouncilKey
from ..data_map import Holds, Retention
from ..listing import ListingIndex

LOG = "changes"  # the one partition of a council's provisioning log
# The council's directory's copy of its officers: kept while the directory provisions them, a year after
# they leave (DELETE), as the grants they gave are (storage/accounts/grants.py).
AS_THE_DIRECTORY = Retention(after="ended", months=12, source="project",
                             note="a year after the directory removes the officer, as their grant is kept")


class ByExternal(GlobalSecondaryIndex):
    """One instance per model, as ListingIndex (PynamoDB binds an index instance to its model)."""
    class Meta:
        index_name = "by_external"
        projection = AllProjection()

    external_id = CouncilKey(hash_key=True)


class ByDisplay(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_display"
        projection = AllProjection()

    display_key = CouncilKey(hash_key=True)


class ScimUserModel(Stored):
    class Meta:
        table_name = table("directory-users")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"user_name": "contact", "person_id": "identifier", "display_name": "name", "name": "name",
                "emails": "contact", "groups": "work", "last_modified": "activity"},
        whose="officer", part="staff", basis="public_task", retention=AS_THE_DIRECTORY,
        purpose="Who the council's staff directory says its officers are, so that joiners get their desks and "
                "leavers lose them (SCIM provisioning)")
    id = CouncilKey(hash_key=True)
    user_name = UnicodeAttribute()  # as the directory sent it
    person_id = UnicodeAttribute()  # the Doorstep person (users)
    external_id = CouncilKey(null=True)
    active = BooleanAttribute(default=True)
    display_name = UnicodeAttribute(null=True)
    display_key = CouncilKey(null=True)  # display_name lower-cased, for the filter
    name = JSONAttribute(default=dict)
    emails = JSONAttribute(default=list)
    groups = UnicodeSetAttribute(null=True)
    created = UTCDateTimeAttribute(null=True)
    last_modified = UTCDateTimeAttribute(null=True)
    listing = CouncilKey(null=True)
    version = VersionAttribute()

    listing_index = ListingIndex()
    external_index = ByExternal()
    display_index = ByDisplay()


class ScimNameModel(Stored):
    class Meta:
        table_name = table("directory-names")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(fields={"name": "contact", "user_id": "identifier"}, whose="officer", part="staff",
                     basis="public_task", retention=AS_THE_DIRECTORY,
                     purpose="That each officer's username is the council directory's once")
    name = CouncilKey(hash_key=True)  # the userName, stripped and lower-cased
    user_id = UnicodeAttribute()


class ScimGroupModel(Stored):
    class Meta:
        table_name = table("directory-groups")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(fields={"members": "work"}, whose="officer", part="staff", basis="public_task",
                     not_personal={"display_name": "a group's name in the council's directory: a team's, not a person's"},
                     retention=AS_THE_DIRECTORY, purpose="Which officers are in which of the directory's groups, "
                                                         "which give them their desks")
    id = CouncilKey(hash_key=True)
    display_name = UnicodeAttribute()
    display_key = CouncilKey(null=True)
    external_id = CouncilKey(null=True)
    members = UnicodeSetAttribute(null=True)
    created = UTCDateTimeAttribute(null=True)
    last_modified = UTCDateTimeAttribute(null=True)
    listing = CouncilKey(null=True)
    version = VersionAttribute()

    listing_index = ListingIndex()
    external_index = ByExternal()
    display_index = ByDisplay()


class DirectoryChangeModel(Stored):
    class Meta:
        table_name = table("directory-changes")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(fields={"target": "contact", "person_id": "identifier", "changes": "work", "at": "activity"},
                     whose="officer", part="staff", basis="public_task",
                     retention=Retention(after="created", months=24, source="project",
                                         note="two years of who joined, changed and left, for the council's audit"),
                     purpose="What the council's directory provisioned, changed and removed, when and by which "
                             "token: its administrators' record of joiners and leavers")
    log = CouncilKey(hash_key=True)  # always LOG
    seq = UnicodeAttribute(range_key=True)  # "<the moment, ISO 8601 UTC>#<an id of its own>": time order
    at = UTCDateTimeAttribute()
    action = UnicodeAttribute()
    kind = UnicodeAttribute()
    target_id = UnicodeAttribute()
    target = UnicodeAttribute()
    by = UnicodeAttribute()
    person_id = UnicodeAttribute(null=True)
    group = UnicodeAttribute(null=True)
    changes = JSONAttribute(default=dict)
