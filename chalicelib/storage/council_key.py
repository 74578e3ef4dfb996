"""The attribute every partition key is declared with: a table's hash key and
every index's. Its stored value is the current council's id before the value
(tenancy.key), so each council's items live in partitions of their own: a get,
a query or a condition made while working for York can only name York's
partitions, and reading back an item of another council raises rather than
answer with it. Values in code stay bare: `report.id` is "DS-7K3F9Q" wherever
it is read. tests/architecture/test_councils_kept_apart.py walks every model
and fails when a partition key is declared otherwise."""
from pynamodb.attributes import UnicodeAttribute

from .. import tenancy


class CouncilKey(UnicodeAttribute):
    def serialize(self, value):
        return tenancy.key(super().serialize(value))

    def deserialize(self, value):
        return super().deserialize(tenancy.unkey(value))
