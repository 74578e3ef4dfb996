"""Make moto's DynamoDB emulation fast enough for 100k items, without changing
what it answers.

moto answers every Query by sorting its whole in-memory table, comparing
DynamoType objects whose every comparison re-derives a Python value through
`cast_value`. At 100k reports that is seconds per Query, so a city-wide map
(dozens of Queries) takes minutes. Inside `faster_moto()`:

* `DynamoType.cast_value` takes a fast path for S/B/BOOL/N values (the same
  values the original returns; other types fall through to it);
* `Table.all_items` and `Table.sorted_items` sort with precomputed keys (the
  same cast values, computed once per item instead of once per comparison);
* `Item.size()` (the 1 MB page check, evaluated for every item of the
  partition on every Query) is remembered per item. Only valid while nothing
  writes, which is how the benchmark uses it: map queries only.

Counts (Count, ScannedCount, LastEvaluatedKey) are untouched; `bench.run
--check-moto` compares a run with and without these patches.
"""
from contextlib import contextmanager
from decimal import Decimal


@contextmanager
def faster_moto():
    from moto.dynamodb.models.dynamo_type import DynamoType, Item
    from moto.dynamodb.models.table import Table

    original_cast = DynamoType.__dict__["cast_value"]
    original_all, original_sorted = Table.all_items, Table.sorted_items
    original_size = Item.size
    sizes = {}  # id(item) -> (item, size); holding the item keeps its id unique

    def size(self):
        known = sizes.get(id(self))
        if known is None:
            known = sizes[id(self)] = (self, original_size(self))
        return known[1]

    def cast_value(self):
        kind = self.type
        if kind == "S" or kind == "B" or kind == "BOOL":
            return self.value
        if kind == "N":
            return Decimal(self.value)
        return original_cast.fget(self)

    def all_items(self):
        items = []
        for hash_set in self.items.values():
            if self.range_key_attr:
                items.extend(hash_set.values())
            else:
                items.append(hash_set)
        return sorted(items, key=lambda x: (x.hash_key.cast_value, x.range_key.cast_value)
                      if x.range_key else x.hash_key.cast_value)

    def sorted_items(self, hash_key_attrs, range_key_attrs, items):
        names = self._generate_attr_to_sort_by(hash_key_attrs, range_key_attrs)
        items.sort(key=lambda x: tuple(x.attrs[name].cast_value for name in names))
        return items

    DynamoType.cast_value = property(cast_value)
    Table.all_items, Table.sorted_items = all_items, sorted_items
    Item.size = size
    try:
        yield
    finally:
        DynamoType.cast_value = original_cast
        Table.all_items, Table.sorted_items = original_all, original_sorted
        Item.size = original_size
        sizes.clear()
