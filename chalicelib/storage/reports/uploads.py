"""Photo uploads waiting to be attached, and idempotency records."""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute, TTLAttribute

from ..binding import Stored, table
from ..council_key import CouncilKey
from ..data_map import Holds, Retention


class UploadModel(Stored):
    class Meta:
        table_name = table("uploads")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"photo": "photo", "owner": "identifier", "holder": "credentials"}, whose="resident",
        part="reports", basis="public_task", purpose="A photo uploaded and not yet attached to a report or form",
        retention=Retention(after="created", days=1, source="ttl"))

    upload_id = CouncilKey(hash_key=True)
    content_type = UnicodeAttribute()
    size = NumberAttribute()
    created_at = UTCDateTimeAttribute()
    expires = TTLAttribute()  # TTL is lazy (and moto never runs it): check on read
    report_id = UnicodeAttribute(null=True)  # set once attached; never reused
    photo = JSONAttribute(null=True)  # the cleaned photo, once processed
    owner = UnicodeAttribute(null=True)  # the account that made it; None: anyone holding its id
    holder = UnicodeAttribute(null=True)  # digest of the Form-Token given: an anonymous form's file


class IdempotencyModel(Stored):
    """Remembers a creation so a retried request returns the same result."""
    class Meta:
        table_name = table("idempotency")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"secret": "credentials"}, whose="resident", part="running", basis="public_task",
        purpose="A retried request answered as the first was, with its tracking token",
        retention=Retention(after="created", days=1, source="ttl", note="365 days for an Open311 partner's update"))

    key = CouncilKey(hash_key=True)  # sha256 of scope + client key
    fingerprint = UnicodeAttribute()  # sha256 of the canonical request body
    resource_id = UnicodeAttribute()
    # The anonymous tracking token, kept (for the key's 24 hours only) so a
    # client whose first response was lost still receives it on retry.
    secret = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    expires = TTLAttribute()


def keep_photo(t, upload, report_id):
    """Write in transaction `t` a report's photo row (an Upload record or a row read) for the
    council worked for: another council holding the report keeps its own, so links at its
    address find the report too. Kept with no expiry, as an attached photo's row is."""
    t.update(UploadModel(upload.upload_id), actions=[
        UploadModel.content_type.set(upload.content_type), UploadModel.size.set(upload.size),
        UploadModel.created_at.set(upload.created_at), UploadModel.report_id.set(report_id),
        UploadModel.photo.set(upload.photo), UploadModel.expires.remove()])
