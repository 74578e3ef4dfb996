"""Staff response templates. A council keeps tens, in one partition: the
list is one Query, never a Scan."""
from pynamodb.attributes import (BooleanAttribute, JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute,
                                 VersionAttribute)

from ..binding import Stored, bind, get_or_none, model_of, record_of, table, writes
from ..council_key import CouncilKey
from ..records import ResponseTemplate
from ..data_map import holds_nothing

KIND = "template"


class ResponseTemplateModel(Stored):
    class Meta:
        table_name = table("response-templates")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(text="a template's words, the council's own")

    kind = CouncilKey(hash_key=True)  # always "template": one partition
    id = UnicodeAttribute(range_key=True)
    title = UnicodeAttribute()
    text = UnicodeAttribute()
    state = UnicodeAttribute(null=True)
    auto = BooleanAttribute(default=False)
    service_codes = JSONAttribute(default=list)
    active = BooleanAttribute(default=True)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    version = VersionAttribute()


class ResponseTemplateStore:
    def __init__(self):
        bind()

    def all(self):
        return [record_of(ResponseTemplate, t) for t in ResponseTemplateModel.query(KIND, consistent_read=True)]

    def get(self, template_id):
        return record_of(ResponseTemplate, get_or_none(ResponseTemplateModel, KIND, range_key=template_id,
                                                       consistent_read=True))

    def save(self, template, new=False):
        """AlreadyExists when a new template's id is taken; EditConflict when
        someone changed it since it was read."""
        model = model_of(ResponseTemplateModel, template, kind=KIND)
        with writes(["template"], exists={"template"} if new else ()):
            model.save(condition=ResponseTemplateModel.id.does_not_exist() if new else None)
        template.version = model.version

    def delete(self, template):
        """EditConflict when someone changed it since it was read."""
        with writes(["template"]):
            model_of(ResponseTemplateModel, template, kind=KIND).delete()
