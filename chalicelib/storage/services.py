"""Report categories ("services"), stored as data so a council edits them
without a deploy; `doorstep seed` loads the defaults."""
from pynamodb.attributes import BooleanAttribute, JSONAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.models import Model

from .binding import bind, register


@register("services")
class ServiceModel(Model):
    class Meta:
        table_name = "services"
        billing_mode = "PAY_PER_REQUEST"

    service_code = UnicodeAttribute(hash_key=True)
    active = BooleanAttribute(default=True)
    sort = NumberAttribute(default=0)
    definition = JSONAttribute()  # name, group, description, keywords, fields...


class ServiceStore:
    def __init__(self):
        bind()

    def all(self):
        """Every service, in display order. The table holds tens of items."""
        rows = list(ServiceModel.scan())
        rows.sort(key=lambda r: (r.sort, r.service_code))
        return [self._to_dict(r) for r in rows]

    def get(self, code):
        try:
            return self._to_dict(ServiceModel.get(code))
        except ServiceModel.DoesNotExist:
            return None

    def put(self, service, sort=0):
        ServiceModel(
            service_code=service["service_code"],
            active=service.get("active", True),
            sort=sort,
            definition={k: v for k, v in service.items() if k not in ("service_code", "active")},
        ).save()

    @staticmethod
    def _to_dict(row):
        return {"service_code": row.service_code, "active": row.active, **row.definition}
