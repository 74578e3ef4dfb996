"""Addresses (property gazetteer rows), keyed by UPRN, with a postcode index.

Loaded by `doorstep import addresses` and `doorstep seed`; read by
GET /v1/places and by Open311's address_id / address_string. Every read is a
GetItem or a Query on the postcode index, never a scan: a council's
gazetteer holds a few hundred thousand rows.
"""
from pynamodb.attributes import ListAttribute, MapAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.indexes import GlobalSecondaryIndex, IncludeProjection

from .binding import Stored, batch_save, bind, get_or_none, model_of, record_of, table
from .records import Address

# What a postcode lookup shows, so it reads the index alone.
LOOKUP_ATTRIBUTES = ["lines", "postcode", "lat", "lon", "ward"]


class PostcodeIndex(GlobalSecondaryIndex):
    """Addresses by postcode, spaces removed and upper case ("YO17HH"), so
    however a client spells the postcode it is one key."""
    class Meta:
        index_name = "by_postcode"
        projection = IncludeProjection(LOOKUP_ATTRIBUTES)

    postcode_key = UnicodeAttribute(hash_key=True)


class AddressModel(Stored):
    class Meta:
        table_name = table("addresses")
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


def postcode_key(postcode):
    """The postcode index key: "YO1 7HH" and "yo17hh" are both "YO17HH"."""
    return "".join(postcode.split()).upper()


class AddressStore:
    def __init__(self):
        bind()

    def get(self, uprn):
        return record_of(Address, get_or_none(AddressModel, uprn))

    def by_postcode(self, postcode):
        """Every address at a postcode (a few dozen at most), however it is spelt."""
        return [record_of(Address, a) for a in AddressModel.postcode_index.query(postcode_key(postcode))]

    def put_many(self, rows):
        """Upsert Address records (25 to a BatchWriteItem); returns how many."""
        return batch_save(AddressModel, (model_of(AddressModel, a, postcode_key=postcode_key(a.postcode))
                                         for a in rows))
