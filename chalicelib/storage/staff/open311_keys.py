"""Open311 partner API keys, stored as data so a council issues and revokes
them with `doorstep open311-keys` instead of a redeploy.

Only the key's SHA-256 is kept: a leaked table (or backup) opens nothing.
The hash is the table key, so the check on every POST is one consistent read.
A council has a handful of partners, so listing and revoking by name scan.
"""
from pynamodb.attributes import BooleanAttribute, JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute

from ..binding import Stored, bind, get_or_none, model_of, record_of, table, writes
from ..council_key import CouncilKey
from ..records import Open311Key
from ..data_map import holds_nothing


class Open311KeyModel(Stored):
    class Meta:
        table_name = table("open311-keys")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(name="the partner system's name (the council's CRM)")

    key_hash = CouncilKey(hash_key=True)  # sha256 hex of the key itself
    name = UnicodeAttribute()  # the partner; also names its update_id space
    created_at = UTCDateTimeAttribute()
    revoked = BooleanAttribute(default=False)
    revoked_at = UTCDateTimeAttribute(null=True)
    categories = JSONAttribute(null=True)  # service codes it may post to; None: all


class Open311KeyStore:
    def __init__(self):
        bind()

    def by_hash(self, key_hash):
        # Consistent: a revocation must take effect on the very next POST.
        return record_of(Open311Key, get_or_none(Open311KeyModel, key_hash, consistent_read=True))

    def all(self):
        return sorted((record_of(Open311Key, k) for k in Open311KeyModel.scan(consistent_read=True)),
                      key=lambda k: (k.name, k.created_at))

    def add(self, key):
        with writes(["key"], exists={"key"}):
            model_of(Open311KeyModel, key).save(condition=Open311KeyModel.key_hash.does_not_exist())

    def revoke(self, key, when):
        Open311KeyModel(key.key_hash).update(actions=[
            Open311KeyModel.revoked.set(True), Open311KeyModel.revoked_at.set(when)])
        key.revoked, key.revoked_at = True, when
