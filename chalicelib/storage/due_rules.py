"""Due-date rules per category, as data: how many working days its reports
get (by priority where that varies), and why."""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute

from .binding import Stored, bind, get_or_none, model_of, record_of, table
from .records import DueRule

KIND = "rule"


class DueRuleModel(Stored):
    class Meta:
        table_name = table("due-rules")
        billing_mode = "PAY_PER_REQUEST"

    kind = UnicodeAttribute(hash_key=True)  # always "rule": one partition (tens of categories)
    service_code = UnicodeAttribute(range_key=True)
    working_days = NumberAttribute()
    by_priority = JSONAttribute(default=dict)
    basis = UnicodeAttribute(null=True)


class DueRuleStore:
    def __init__(self):
        bind()

    def get(self, service_code):
        return record_of(DueRule, get_or_none(DueRuleModel, KIND, range_key=service_code))

    def all(self):
        return [record_of(DueRule, r) for r in DueRuleModel.query(KIND)]

    def put(self, rule):
        model_of(DueRuleModel, rule, kind=KIND).save()

    def delete(self, service_code):
        DueRuleModel(KIND, service_code).delete()
