"""Due-date rules per category, as data: how many working days its reports
get (by priority where that varies), and why.

Every report creation needs its category's rule, so each process keeps the
rules for a minute (as the categories): an edit shows within CACHE_SECONDS.
"""
import time

from pynamodb.attributes import BooleanAttribute, JSONAttribute, NumberAttribute, UnicodeAttribute

from ... import tenancy
from ..binding import Stored, bind, model_of, record_of, table
from ..council_key import CouncilKey
from ..records import DueRule
from ..data_map import NONE

KIND = "rule"
CACHE_SECONDS = 60
_cache = {}  # (table name, council) -> (fetched at, {service_code: DueRule}): each council's own rules


def clear_cache():
    _cache.clear()


class DueRuleModel(Stored):
    class Meta:
        table_name = table("due-rules")
        billing_mode = "PAY_PER_REQUEST"

    personal = NONE

    kind = CouncilKey(hash_key=True)  # always "rule": one partition (tens of categories)
    service_code = UnicodeAttribute(range_key=True)
    working_days = NumberAttribute()
    by_priority = JSONAttribute(default=dict)
    basis = UnicodeAttribute(null=True)
    source = UnicodeAttribute(null=True)
    counts_local_holidays = BooleanAttribute(default=True)


class DueRuleStore:
    def __init__(self):
        bind()

    def get(self, service_code):
        return self._by_code().get(service_code)

    def all(self):
        return list(self._by_code().values())

    def _by_code(self):
        name = (DueRuleModel.Meta.table_name, tenancy.current())
        cached = _cache.get(name)
        if cached is None or time.monotonic() - cached[0] >= CACHE_SECONDS:
            rules = {r.service_code: record_of(DueRule, r) for r in DueRuleModel.query(KIND)}
            cached = _cache[name] = (time.monotonic(), rules)
        return cached[1]

    def put(self, rule):
        model_of(DueRuleModel, rule, kind=KIND).save()
        _cache.clear()
