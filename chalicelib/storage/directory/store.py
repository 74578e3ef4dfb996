"""The council's SCIM directory: plain values in and out (storage/records.py), every change written in one
transaction with its line of the provisioning log, so a change and its line are both there or neither.

Store errors, as the other stores': AlreadyExists("name") when a userName is the council's already (the
key row's conditional write decides), EditConflict when the user or group changed since it was read (its
version) or is gone."""
from ..binding import bind, get_or_none, model_of, page_key, record_of, start_key, transaction, writes
from ..errors import EditConflict
from ..listing import EVERY
from ..records import DirectoryChange, ScimGroup, ScimUser
from .models import LOG, DirectoryChangeModel, ScimGroupModel, ScimNameModel, ScimUserModel

MOST_AT_ONCE = 90  # a transaction holds 100 items: a group's members are left in parts of this many


def name_key(user_name):
    """The userName as the council's key row holds it: RFC 7643 makes userName case-insensitive."""
    return user_name.strip().lower()


def _display_key(display_name):
    return display_name.strip().lower() if display_name else None


class DirectoryStore:
    def __init__(self):
        bind()

    # users
    def user(self, user_id):
        return record_of(ScimUser, get_or_none(ScimUserModel, user_id, consistent_read=True))

    def user_named(self, user_name):
        """The user whose userName is `user_name`, whatever its case: the key row, then the user."""
        row = get_or_none(ScimNameModel, name_key(user_name), consistent_read=True)
        return self.user(row.user_id) if row is not None else None

    def users_where(self, attribute, value):
        """The users whose externalId is `value` (exactly), or whose displayName is (any case)."""
        if attribute == "externalId":
            found = ScimUserModel.external_index.query(value)
        else:
            found = ScimUserModel.display_index.query(_display_key(value))
        return [record_of(ScimUser, m) for m in found]

    def users(self):
        """Every user of the council's directory, in no order: one Query of its listing partition."""
        return [record_of(ScimUser, m) for m in ScimUserModel.listing_index.query(EVERY)]

    def create_user(self, user, change):
        """The user, its userName's key row and the log's line; AlreadyExists("name") when the userName is taken."""
        model = _user_model(user)
        with writes(["name", "user", "change"], exists={"name", "user"}), transaction() as t:
            t.save(ScimNameModel(name=name_key(user.user_name), user_id=user.id),
                   condition=ScimNameModel.name.does_not_exist())
            t.save(model, condition=ScimUserModel.id.does_not_exist())
            t.save(_change_model(change))
        user.version = model.version

    def save_user(self, user, change, old_user_name=None):
        """The user as changed (EditConflict when it changed since read) and the log's line; a new userName
        takes its key row (AlreadyExists("name") when another user has it) and gives the old one back."""
        model = _user_model(user)
        parts = ["user", "change"]
        renamed = old_user_name is not None and name_key(old_user_name) != name_key(user.user_name)
        with writes(["user", "change", "name", "old name"] if renamed else parts, exists={"name"}), \
                transaction() as t:
            t.save(model)
            t.save(_change_model(change))
            if renamed:
                t.save(ScimNameModel(name=name_key(user.user_name), user_id=user.id),
                       condition=ScimNameModel.name.does_not_exist())
                t.delete(ScimNameModel(name=name_key(old_user_name)), condition=ScimNameModel.user_id == user.id)
        user.version = model.version

    def delete_user(self, user, change):
        """The user gone with its key row, out of every group it was in, and the log's line."""
        with writes(["user", "name", "change"] + ["group"] * len(user.groups or ())), transaction() as t:
            t.delete(_user_model(user))
            t.delete(ScimNameModel(name=name_key(user.user_name)), condition=ScimNameModel.user_id == user.id)
            t.save(_change_model(change))
            for group_id in sorted(user.groups or ()):
                t.update(ScimGroupModel(id=group_id, version=0), actions=[ScimGroupModel.members.delete({user.id})],
                         condition=ScimGroupModel.id.exists(), add_version_condition=False)

    # groups
    def group(self, group_id):
        return record_of(ScimGroup, get_or_none(ScimGroupModel, group_id, consistent_read=True))

    def groups_where(self, attribute, value):
        if attribute == "externalId":
            found = ScimGroupModel.external_index.query(value)
        else:
            found = ScimGroupModel.display_index.query(_display_key(value))
        return [record_of(ScimGroup, m) for m in found]

    def groups(self):
        return [record_of(ScimGroup, m) for m in ScimGroupModel.listing_index.query(EVERY)]

    def groups_named(self, group_ids):
        """{id: ScimGroup} of those of `group_ids` that are there (read consistently, one by one: a person
        is in a few groups)."""
        found = {g: self.group(g) for g in sorted(group_ids or ())}
        return {g: group for g, group in found.items() if group is not None}

    def create_group(self, group, change):
        model = _group_model(group)
        with writes(["group", "change"], exists={"group"}), transaction() as t:
            t.save(model, condition=ScimGroupModel.id.does_not_exist())
            t.save(_change_model(change))
        group.version = model.version

    def save_group(self, group, change):
        """Its displayName and externalId (EditConflict when it changed since read); members are joined and
        left one by one (join, leave), so a save never undoes a membership made meanwhile."""
        model = ScimGroupModel(id=group.id, version=group.version)
        actions = [ScimGroupModel.display_name.set(group.display_name),
                   ScimGroupModel.display_key.set(_display_key(group.display_name)),
                   ScimGroupModel.last_modified.set(group.last_modified),
                   ScimGroupModel.external_id.set(group.external_id) if group.external_id
                   else ScimGroupModel.external_id.remove()]
        with writes(["group", "change"]), transaction() as t:
            t.update(model, actions=actions, condition=ScimGroupModel.id.exists())
            t.save(_change_model(change))
        group.version = (group.version or 0) + 1

    def join(self, group_id, user_id, change, now):
        """`user_id` a member of `group_id`, both sides and the log's line in one transaction; False (nothing
        written) when they were a member already. EditConflict("group"/"user") when either is gone."""
        return self._membership(group_id, user_id, change, now, joining=True)

    def leave(self, group_id, user_id, change, now):
        """`user_id` no longer a member of `group_id`; False (nothing written) when they were not one."""
        return self._membership(group_id, user_id, change, now, joining=False)

    def _membership(self, group_id, user_id, change, now, joining):
        group = ScimGroupModel(id=group_id, version=0)  # its version raised, not checked: joins at once all stand
        user = ScimUserModel(id=user_id, version=0)
        member = ScimGroupModel.members.contains(user_id)
        try:
            with writes(["group", "user", "change"]), transaction() as t:
                t.update(group, actions=[getattr(ScimGroupModel.members, "add" if joining else "delete")({user_id}),
                                         ScimGroupModel.last_modified.set(now)],
                         condition=ScimGroupModel.id.exists() & (~member if joining else member),
                         add_version_condition=False)
                t.update(user, actions=[getattr(ScimUserModel.groups, "add" if joining else "delete")({group_id})],
                         condition=ScimUserModel.id.exists(), add_version_condition=False)
                t.save(_change_model(change))
        except EditConflict as e:
            if e.part == "group" and self.group(group_id) is not None:
                return False  # a member already (joining), or not one (leaving): nothing to do
            raise
        return True

    def delete_group(self, group, change):
        """The group gone, out of each member's groups, and the log's line; a large group's members left
        in parts first (a transaction holds 100 items)."""
        members = sorted(group.members or ())
        while len(members) > MOST_AT_ONCE:
            part, members = members[:MOST_AT_ONCE], members[MOST_AT_ONCE:]
            with writes(["user"] * len(part)), transaction() as t:
                for user_id in part:
                    self._user_leaves(t, user_id, group.id)
        with writes(["group", "change"] + ["user"] * len(members)), transaction() as t:
            t.delete(ScimGroupModel(id=group.id, version=group.version))
            t.save(_change_model(change))
            for user_id in members:
                self._user_leaves(t, user_id, group.id)

    @staticmethod
    def _user_leaves(t, user_id, group_id):
        # Conditioned on the user being there: an update of a missing key would make a row of it.
        t.update(ScimUserModel(id=user_id, version=0), actions=[ScimUserModel.groups.delete({group_id})],
                 condition=ScimUserModel.id.exists(), add_version_condition=False)

    # the provisioning log
    def note(self, change):
        """A line in the log by itself, once: False when a line of its `seq` is there already (a run again)."""
        from ..errors import AlreadyExists
        try:
            with writes(["change"], exists={"change"}):
                _change_model(change).save(condition=DirectoryChangeModel.seq.does_not_exist())
        except AlreadyExists:
            return False
        return True

    def changes(self, limit, cursor=None):
        """The council's provisioning log, newest first: ([DirectoryChange], the cursor of the next page)."""
        found = DirectoryChangeModel.query(LOG, scan_index_forward=False, limit=limit,
                                           last_evaluated_key=start_key(DirectoryChangeModel, cursor))
        rows = [record_of(DirectoryChange, m) for m in found]
        return rows, page_key(DirectoryChangeModel, found.last_evaluated_key)


def _user_model(user):
    return model_of(ScimUserModel, user, listing=EVERY, display_key=_display_key(user.display_name),
                    groups=set(user.groups) if user.groups else None)


def _group_model(group):
    return model_of(ScimGroupModel, group, listing=EVERY, display_key=_display_key(group.display_name),
                    members=set(group.members) if group.members else None)


def _change_model(change):
    return model_of(DirectoryChangeModel, change, log=LOG)
