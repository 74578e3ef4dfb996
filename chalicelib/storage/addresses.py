"""Addresses (property gazetteer rows), keyed by UPRN, with a postcode index.

Loaded by `doorstep import addresses` and `doorstep seed`; read by
GET /v1/places and by Open311's address_id / address_string. Every read is a
GetItem or a Query on the postcode index, never a scan: a council's
gazetteer holds a few hundred thousand rows.
"""
from pynamodb.attributes import ListAttribute, MapAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.indexes import GlobalSecondaryIndex, IncludeProjection
from pynamodb.models import Model

from .binding import batch_save, bind, register

# What a postcode lookup shows, so it reads the index alone.
LOOKUP_ATTRIBUTES = ["lines", "postcode", "lat", "lon", "ward"]


class PostcodeIndex(GlobalSecondaryIndex):
    """Addresses by postcode, spaces removed and upper case ("YO17HH"), so
    however a client spells the postcode it is one key."""
    class Meta:
        index_name = "by_postcode"
        projection = IncludeProjection(LOOKUP_ATTRIBUTES)

    postcode_key = UnicodeAttribute(hash_key=True)


@register("addresses")
class AddressModel(Model):
    class Meta:
        table_name = "addresses"
        billing_mode = "PAY_PER_REQUEST"

    uprn = UnicodeAttribute(hash_key=True)  # up to 12 digits, kept as text: never arithmetic
    lines = ListAttribute(of=UnicodeAttribute)  # "14 Micklegate", "York"
    postcode = UnicodeAttribute()  # as shown: "YO1 7HH"
    postcode_key = UnicodeAttribute()  # PostcodeIndex key: "YO17HH"
    lat = NumberAttribute()
    lon = NumberAttribute()
    ward = UnicodeAttribute(null=True)
    # Optional (rows loaded before bin days existed have neither):
    # stream ("refuse", "recycling"...) -> bin round id, and band "A".."H".
    bin_rounds = MapAttribute(null=True)
    council_tax_band = UnicodeAttribute(null=True)

    postcode_index = PostcodeIndex()

    @property
    def text(self):
        return ", ".join(line for line in self.lines if line)

    @property
    def rounds(self):
        """{stream: round id}; empty when none are known."""
        raw = self.bin_rounds
        if isinstance(raw, MapAttribute):
            raw = raw.as_dict()
        return {k: v for k, v in (raw or {}).items() if v}


class AddressStore:
    def __init__(self):
        bind()

    def get(self, uprn):
        try:
            return AddressModel.get(uprn)
        except AddressModel.DoesNotExist:
            return None

    def by_postcode(self, postcode_key):
        """Every address at a postcode (a few dozen at most), by its key."""
        return list(AddressModel.postcode_index.query(postcode_key))

    def put_many(self, rows):
        """Upsert AddressModels (25 to a BatchWriteItem); returns how many."""
        return batch_save(AddressModel, rows)
