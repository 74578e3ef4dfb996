"""A council's schools as data (doorstep import schools, or a council's folder): one partition per
council, `school#<id>` per school and `settings` for what the council's schools file says beside
them (its school holidays, its own dates). The allocation reads them all with one Query; they are
public facts, no one's personal data."""
from pynamodb.attributes import JSONAttribute, UnicodeAttribute

from ..binding import Stored, batch_save, get_or_none, table
from ..council_key import CouncilKey
from ..data_map import holds_nothing

SCOPE = "schools"


class SchoolModel(Stored):
    class Meta:
        table_name = table("schools")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(data="a school's published facts: its name, place, admission area, places and criteria")

    scope = CouncilKey(hash_key=True)  # "schools": every school of the council in one partition
    sk = UnicodeAttribute(range_key=True)  # school#<id>, or settings
    data = JSONAttribute()


class SchoolStore:
    def put_all(self, schools, settings):
        """The council's schools and settings as the file gives them (a school kept from before and not
        in the file stays: a school closes by its own row's `closed`, never by being left out)."""
        rows = [SchoolModel(SCOPE, f"school#{s['id']}", data=s) for s in schools]
        rows.append(SchoolModel(SCOPE, "settings", data=settings))
        return batch_save(SchoolModel, rows) - 1

    def all(self):
        """(schools, settings): one Query of the council's partition."""
        schools, settings = [], {}
        for row in SchoolModel.query(SCOPE, consistent_read=True):
            if row.sk == "settings":
                settings = row.data
            else:
                schools.append(row.data)
        return schools, settings

    def get(self, school_id):
        row = get_or_none(SchoolModel, SCOPE, range_key=f"school#{school_id}")
        return None if row is None else row.data
