"""Reports, their timeline and the event rows written with every change."""
from pynamodb.attributes import (
    BooleanAttribute, JSONAttribute, ListAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute,
    VersionAttribute, TTLAttribute,
)
from pynamodb.indexes import GlobalSecondaryIndex, IncludeProjection, KeysOnlyProjection

from ..binding import Stored, table
from ..council_key import CouncilKey
from ..data_map import KEPT_AS_A_REPORT, Holds, Retention
from ..due import due_index

# What a map pin needs; descriptions and contact details stay out of the
# index so map queries read small items. A report staff marked private has
# no map keys at all (report_store.py), so no pin needs to say so.
MAP_ATTRIBUTES = ["service_code", "state", "lon", "lat", "created_at", "updated_at", "summary"]


class MapIndex(GlobalSecondaryIndex):
    """Geo index: partition = precision-5 cell + open/closed, sort = geohash#id."""
    class Meta:
        index_name = "map"
        projection = IncludeProjection(MAP_ATTRIBUTES)

    geo_pk = CouncilKey(hash_key=True)
    geo_sk = UnicodeAttribute(range_key=True)


class UserReportsIndex(GlobalSecondaryIndex):
    """A signed-in resident's reports, newest first (My Account)."""
    class Meta:
        index_name = "by_user"
        projection = IncludeProjection(MAP_ATTRIBUTES)

    user_id = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


# What an Open311 request needs besides the pin: still no contact details, so
# listing by time cannot leak them whatever reads the index.
LISTING_ATTRIBUTES = MAP_ATTRIBUTES + ["description", "fields", "photos", "status_notes", "media_urls",
                                        "address"]


class MonthIndex(GlobalSecondaryIndex):
    """Reports in time order (Open311 GET requests): one partition per calendar
    month of creation, so a date range reads a few partitions newest first
    instead of scanning the table. A council writes a few thousand reports a
    month, far below a partition's write limit."""
    class Meta:
        index_name = "by_month"
        projection = IncludeProjection(LISTING_ATTRIBUTES)

    created_month = CouncilKey(hash_key=True)  # "YYYY-MM", UTC
    created_at = UTCDateTimeAttribute(range_key=True)


class CategoryMapIndex(GlobalSecondaryIndex):
    """The map for chosen categories: partition = service code + the map
    partition ("pothole#gcwy8#o"), sort = geohash#id, so a category filter
    reads its own pins only, not every pin it then drops."""
    class Meta:
        index_name = "map_by_category"
        projection = IncludeProjection(MAP_ATTRIBUTES)

    category_geo_pk = CouncilKey(hash_key=True)
    geo_sk = UnicodeAttribute(range_key=True)


class CategoryMonthIndex(GlobalSecondaryIndex):
    """Open311 listings filtered by category or status: one partition per
    category, open/closed and calendar month ("pothole#o#2026-11"), newest
    first, so a filtered listing reads what it returns."""
    class Meta:
        index_name = "by_category_month"
        projection = IncludeProjection(LISTING_ATTRIBUTES)

    category_month = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class ReporterEmailIndex(GlobalSecondaryIndex):
    """Anonymous reports by the reporter's e-mail (hashed), for an account to
    claim once it proves it owns that address."""
    class Meta:
        index_name = "by_reporter_email"
        projection = KeysOnlyProjection()

    reporter_email_hash = CouncilKey(hash_key=True)


class ReportModel(Stored):
    class Meta:
        table_name = table("reports")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"contact": "contact", "user_id": "identifier", "reporter_email_hash": "identifier",
                "description": "free_text", "summary": "free_text", "fields": "free_text", "address": "address",
                "lat": "location", "lon": "location", "photos": "photo", "hidden_photos": "photo",
                "media_urls": "photo", "token_hash": "credentials", "moderation": "free_text",
                "status_notes": "free_text", "hold": "free_text"},
        whose="resident", part="reports", basis="public_task",
        purpose="A problem reported in the street: to send it to whoever fixes it, tell the reporter how it goes, "
                "and show it on the public map without who reported it",
        recipients=("bodies", "crews", "open311_partners", "public", "mailer", "sms", "push"),
        retention=KEPT_AS_A_REPORT)

    id = CouncilKey(hash_key=True)
    service_code = UnicodeAttribute()
    state = UnicodeAttribute()
    description = UnicodeAttribute()
    summary = UnicodeAttribute()
    lon = NumberAttribute(null=True)
    lat = NumberAttribute(null=True)
    geo_pk = CouncilKey(null=True)  # absent for reports with no location
    geo_sk = UnicodeAttribute(null=True)
    fields = JSONAttribute(default=dict)
    photos = JSONAttribute(default=list)
    contact = JSONAttribute(default=dict)  # private: never in a public view
    user_id = CouncilKey(null=True)
    reporter_email_hash = CouncilKey(null=True)
    token_hash = UnicodeAttribute(null=True)
    source = UnicodeAttribute(default="api")
    priority = UnicodeAttribute(default="normal")  # council-internal: never public
    created_at = UTCDateTimeAttribute()
    created_month = CouncilKey(null=True)  # MonthIndex key; older items lack it
    category_geo_pk = CouncilKey(null=True)  # CategoryMapIndex key (located reports)
    category_month = CouncilKey(null=True)  # CategoryMonthIndex key
    updated_at = UTCDateTimeAttribute()
    update_count = NumberAttribute(default=0)
    # Residents who said "me too" and were counted (storage/reports/supporters.py): public as a count only.
    supporters = NumberAttribute(null=True)
    status_notes = UnicodeAttribute(null=True)  # the latest public update's text (Open311)
    # Links an Open311 partner sent as media_url: shown, never fetched (no SSRF).
    media_urls = JSONAttribute(null=True)
    # The problem's street address (Open311 address_id/address_string, or the
    # geocoder's line for it): a place, public like the point; never the reporter's.
    address = UnicodeAttribute(null=True)
    # Without an address: the nearest gazetteer address in words ("Near 2 Micklegate"), public like the point.
    near = UnicodeAttribute(null=True)
    # Staff triage (records.Report says what each holds); none is public.
    private = BooleanAttribute(null=True)
    ward = UnicodeAttribute(null=True)
    due = UnicodeAttribute(null=True)
    due_source = UnicodeAttribute(null=True)
    due_rule = UnicodeAttribute(null=True)
    assignment = JSONAttribute(null=True)
    assignment_history = JSONAttribute(default=list)
    duplicate_of = UnicodeAttribute(null=True)
    duplicates = JSONAttribute(default=list)
    channel = UnicodeAttribute(null=True)
    raised_by_team = UnicodeAttribute(null=True)  # a street crew raised it from the field
    flags = JSONAttribute(default=list)
    site = UnicodeAttribute(null=True)  # the council it was made with, when not its holder (records.Report)
    passed = JSONAttribute(null=True)  # its one pass between councils
    hidden_photos = JSONAttribute(default=list)  # moderated away: staff only (records.Report)
    moderation = JSONAttribute(null=True)  # staff's edit of its words, with the original: staff only
    # The staff inbox rows written for it (storage/staff/inbox.py), so a change
    # deletes exactly the rows its new values no longer need.
    inbox_keys = ListAttribute(of=UnicodeAttribute, null=True)
    # Retention (docs/decisions/retention.md): when it was closed (its period runs from then), a legal hold
    # ({reason, by, at}), and what the sweep did ({then, at, by}); the due index's keys (storage/due.py),
    # written by report_store.report_model from those.
    closed_at = UTCDateTimeAttribute(null=True)
    hold = JSONAttribute(null=True)
    retained = JSONAttribute(null=True)
    retaining = UTCDateTimeAttribute(null=True)  # the sweep began: its first write, before anything goes
    retain = CouncilKey(null=True)
    retain_from = UnicodeAttribute(null=True)
    version = VersionAttribute()

    map_index = MapIndex()
    user_index = UserReportsIndex()
    reporter_email_index = ReporterEmailIndex()
    month_index = MonthIndex()
    category_map_index = CategoryMapIndex()
    category_month_index = CategoryMonthIndex()
    retention_index = due_index()


# What an Open311 service request update shows; keys come with any projection.
UPDATE_LISTING_ATTRIBUTES = ["kind", "state", "text", "service_code", "media_url"]


class UpdateMonthIndex(GlobalSecondaryIndex):
    """Timeline entries after a report's creation, in time order (Open311 GET
    servicerequestupdates): one partition per calendar month, as MonthIndex.
    Sparse: "created" entries and those written before the index lack
    `update_month`, so they are never listed."""
    class Meta:
        index_name = "by_month"
        projection = IncludeProjection(UPDATE_LISTING_ATTRIBUTES)

    update_month = CouncilKey(hash_key=True)  # "YYYY-MM", UTC
    created_at = UTCDateTimeAttribute(range_key=True)


class ReportUpdateModel(Stored):
    """One timeline entry; `seq` orders a report's entries."""
    class Meta:
        table_name = table("report-updates")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"text": "free_text", "photos": "photo", "media_url": "photo", "author": "identifier"},
        whose="resident", part="reports", basis="public_task",
        purpose="A report's timeline: what staff, crews, other bodies and the reporter said of it",
        recipients=("public", "bodies", "open311_partners"), retention=KEPT_AS_A_REPORT)

    report_id = CouncilKey(hash_key=True)
    seq = NumberAttribute(range_key=True)
    kind = UnicodeAttribute()  # created, state_changed, public_update
    state = UnicodeAttribute()
    previous_state = UnicodeAttribute(null=True)
    text = UnicodeAttribute(null=True)
    media_url = UnicodeAttribute(null=True)  # an Open311 partner's link, shown and never fetched
    photos = JSONAttribute(null=True)  # cleaned photos shown with the entry (a crew's after photo)
    author = UnicodeAttribute(default="council")  # who, as the public sees it
    created_at = UTCDateTimeAttribute()
    council = UnicodeAttribute(null=True)  # the council it was done for
    granted_by = UnicodeAttribute(null=True)  # the council whose grant its maker held, when another
    # The report's category, so a listing across reports can leave out private
    # ones without reading each report; and the UpdateMonthIndex key.
    service_code = UnicodeAttribute(null=True)
    update_month = CouncilKey(null=True)

    month_index = UpdateMonthIndex()


class EventModel(Stored):
    """A change others must hear about; dispatch reads these (from the table's stream)."""
    class Meta:
        table_name = table("events")
        billing_mode = "PAY_PER_REQUEST"
        stream_view_type = "NEW_IMAGE"  # dispatch reads inserts only (infra/README.md)

    personal = Holds(
        fields={"payload": "free_text"}, whose="resident", part="running", basis="public_task",
        purpose="A change others must hear about (a report's, a booking's), read once by what follows from it",
        copy_of="reports", retention=Retention(after="created", days=30, source="ttl"))

    id = CouncilKey(hash_key=True)
    kind = UnicodeAttribute()
    report_id = UnicodeAttribute(null=True)
    payload = JSONAttribute(default=dict)
    created_at = UTCDateTimeAttribute()
    expires = TTLAttribute(null=True)
