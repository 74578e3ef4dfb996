"""Addresses (property gazetteer rows), keyed by UPRN, with a postcode index,
a street index and a place index (the nearest address to a report's point).

Loaded by `doorstep import addresses` and `doorstep seed`; read by
GET /v1/places and by Open311's address_id / address_string. Every read is a
GetItem or a Query on an index, never a scan: a council's gazetteer holds a
few hundred thousand rows.
"""
import re

from pynamodb.attributes import ListAttribute, MapAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.indexes import GlobalSecondaryIndex, IncludeProjection

from ..binding import Stored, batch_save, bind, get_or_none, model_of, record_of, table
from ..council_key import CouncilKey
from ..records import Address
from ..data_map import holds_nothing

# What a postcode lookup shows, so it reads the index alone.
LOOKUP_ATTRIBUTES = ["lines", "postcode", "lat", "lon", "ward"]


class PostcodeIndex(GlobalSecondaryIndex):
    """Addresses by postcode, spaces removed and upper case ("YO17HH"), so
    however a client spells the postcode it is one key."""
    class Meta:
        index_name = "by_postcode"
        projection = IncludeProjection(LOOKUP_ATTRIBUTES)

    postcode_key = CouncilKey(hash_key=True)


class StreetIndex(GlobalSecondaryIndex):
    """Addresses by street name: partition = the name's first three letters,
    sort = "NAME#house number#uprn", so a typed beginning ("Mickle") is one
    begins_with range of one partition, in house-number order. Sparse: an
    address whose street cannot be read off its lines is left out."""
    class Meta:
        index_name = "by_street"
        projection = IncludeProjection(LOOKUP_ATTRIBUTES)

    street_pk = CouncilKey(hash_key=True)
    street_sk = UnicodeAttribute(range_key=True)


class CellIndex(GlobalSecondaryIndex):
    """Addresses by place, for "the nearest address to a point": partition =
    the precision-5 cell, sort = "geohash9#uprn", so a small circle is a few
    range reads of one or two partitions. Carries only what a place's words need."""
    class Meta:
        index_name = "by_cell"
        projection = IncludeProjection(["lines", "lat", "lon"])

    cell_pk = CouncilKey(hash_key=True)
    cell_sk = UnicodeAttribute(range_key=True)


class AddressModel(Stored):
    class Meta:
        table_name = table("addresses")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(
        uprn="a property's gazetteer reference: of a building, not of who lives there",
        postcode="a property's postcode", postcode_key="a property's postcode, as a key",
        lat="a property's point", lon="a property's point")

    uprn = CouncilKey(hash_key=True)  # up to 12 digits, kept as text: never arithmetic
    lines = ListAttribute(of=UnicodeAttribute)  # "14 Micklegate", "York"
    postcode = UnicodeAttribute()  # as shown: "YO1 7HH"
    postcode_key = CouncilKey()  # PostcodeIndex key: "YO17HH"
    lat = NumberAttribute()
    lon = NumberAttribute()
    ward = UnicodeAttribute(null=True)
    # Optional (rows loaded before bin days existed have neither):
    # stream ("refuse", "recycling"...) -> bin round id, and band "A".."H".
    bin_rounds = MapAttribute(null=True)
    council_tax_band = UnicodeAttribute(null=True)
    street_pk = CouncilKey(null=True)  # StreetIndex keys (see street_keys)
    street_sk = UnicodeAttribute(null=True)
    cell_pk = CouncilKey(null=True)  # CellIndex keys (see cell_keys); rows loaded before it have none
    cell_sk = UnicodeAttribute(null=True)

    postcode_index = PostcodeIndex()
    street_index = StreetIndex()
    cell_index = CellIndex()


def postcode_key(postcode):
    """The postcode index key: "YO1 7HH" and "yo17hh" are both "YO17HH"."""
    return "".join(postcode.split()).upper()


HOUSE_AND_STREET = re.compile(r"^(\d+)[A-Z]?\s+([A-Z][A-Z' .-]*[A-Z])$")
STREET_PREFIX = 3


def street_name(text):
    """How street names are compared: upper case, single spaces, no commas."""
    return " ".join(re.sub(r"[,]", " ", text or "").upper().split())


def street_keys(address):
    """(street_pk, street_sk) for the first line that reads "<number> <street>", else (None, None)."""
    for line in address.lines:
        found = HOUSE_AND_STREET.match(street_name(line))
        if found:
            number, street = found.groups()
            return street[:STREET_PREFIX], f"{street}#{int(number):06d}#{address.uprn}"
    return None, None


def cell_keys(address):
    """(cell_pk, cell_sk) for the CellIndex."""
    from ...geo import cells  # pygeohash: only when addresses are written, not for every places route
    geohash = cells.encode(float(address.lon), float(address.lat), cells.POINT_PRECISION)
    return geohash[:cells.PARTITION_PRECISION], f"{geohash}#{address.uprn}"


class AddressStore:
    def __init__(self):
        bind()

    def get(self, uprn):
        return record_of(Address, get_or_none(AddressModel, uprn))

    def on_street(self, beginning, limit):
        """Addresses on streets whose name begins so (at least three letters),
        in street then house-number order: at most `limit`, read as one range."""
        name = street_name(beginning)
        results = AddressModel.street_index.query(
            name[:STREET_PREFIX], AddressModel.street_sk.startswith(name), limit=limit, page_size=limit)
        return [record_of(Address, a) for a in results]

    def by_postcode(self, postcode):
        """Every address at a postcode (a few dozen at most), however it is spelt."""
        return [record_of(Address, a) for a in AddressModel.postcode_index.query(postcode_key(postcode))]

    def in_cell_range(self, partition, lo, hi, limit):
        """Addresses (lines, lat, lon and uprn only) whose geohash lies in one
        range of one precision-5 cell (geo.cells.cell_ranges): at most `limit`."""
        results = AddressModel.cell_index.query(partition, AddressModel.cell_sk.between(lo, hi + "~"),
                                                limit=limit, page_size=limit)
        return [Address(uprn=a.uprn, lines=list(a.lines or []), postcode="", lat=a.lat, lon=a.lon)
                for a in results]

    def put_many(self, rows):
        """Upsert Address records (25 to a BatchWriteItem); returns how many."""
        return batch_save(AddressModel, (_model(a) for a in rows))


def _model(address):
    street_pk, street_sk = street_keys(address)
    cell_pk, cell_sk = cell_keys(address)
    return model_of(AddressModel, address, postcode_key=postcode_key(address.postcode),
                    street_pk=street_pk, street_sk=street_sk, cell_pk=cell_pk, cell_sk=cell_sk)
