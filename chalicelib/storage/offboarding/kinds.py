"""What a council's data is held in, kind by kind (the export's files and the deletion's counts):

- a kind per council table, one model each: its items are those whose partition key begins with
  the council's id and `|` (tenancy.key), so `york` and `york-north` never share one;
- `settings` and `settings-audit`: its settings document and their changes, rows of the
  deployment-wide councils table under its id;
- `accounts`: the deployment-wide accounts that name it (signed in at its address, or granted a
  role there): exported without their credentials, the council taken off them at deletion, and
  those left naming no council deleted with the identities that lead to them;
- its files, under each kind of file's prefix (`photos/<council>/...`, blobs.placed)."""
from dataclasses import dataclass

from pynamodb.attributes import (
    BinaryAttribute, BooleanAttribute, JSONAttribute, ListAttribute, MapAttribute, NumberAttribute,
    NumberSetAttribute, TTLAttribute, UnicodeSetAttribute, UTCDateTimeAttribute, VersionAttribute,
)

from ..council_key import CouncilKey

SETTINGS, SETTINGS_AUDIT, ACCOUNTS = "settings", "settings-audit", "accounts"
PACKAGE = "offboarding/"  # the bucket's kind of file an export to the bucket is written under: never exported


@dataclass(frozen=True)
class TableKind:
    """A council table as the offboarding reads it."""
    name: str  # the table's short name, the kind's name in the export
    model: type
    keys: tuple  # the table key's attribute names: (partition, sort) or (partition,)
    council_keyed: tuple  # attributes stored with the council first (CouncilKey): the export takes it off
    json_attributes: tuple  # attributes stored as JSON text: the export writes them as JSON
    indexes: tuple  # ((index name, its partition key's attribute), ...): each read back at the end

    @property
    def table(self):
        return self.model.Meta.table_name


def council_tables():
    """[TableKind] of every council table, by name (the deployment-wide ones hold no council key)."""
    from .. import tables  # noqa: F401  (declares every model)
    from ..binding import models, short_name
    found = []
    for model in models():
        if not isinstance(model._hash_key_attribute(), CouncilKey):
            continue
        attributes = model.get_attributes().values()
        keys = tuple(a.attr_name for a in (model._hash_key_attribute(), model._range_key_attribute()) if a)
        indexes = tuple(sorted((name, next(a.attr_name for a in index.Meta.attributes.values() if a.is_hash_key))
                               for name, index in model._indexes.items()))
        found.append(TableKind(short_name(model), model, keys,
                               tuple(sorted(a.attr_name for a in attributes if isinstance(a, CouncilKey))),
                               tuple(sorted(a.attr_name for a in attributes if isinstance(a, JSONAttribute))),
                               indexes))
    return sorted(found, key=lambda k: k.name)


# The manifest's word for each type of attribute (docs/offboarding-format.md).
_TYPES = ((CouncilKey, "key"), (TTLAttribute, "expires (seconds since 1970)"), (VersionAttribute, "version"),
          (UTCDateTimeAttribute, "datetime"), (JSONAttribute, "json"), (BooleanAttribute, "boolean"),
          (UnicodeSetAttribute, "text set"), (NumberSetAttribute, "number set"), (NumberAttribute, "number"),
          (BinaryAttribute, "binary (base64)"), (MapAttribute, "map"), (ListAttribute, "list"))


def attribute_types(model):
    """{stored attribute name: its type in the manifest's words} of a model."""
    return {a.attr_name: next((word for cls, word in _TYPES if isinstance(a, cls)), "text")
            for a in model.get_attributes().values()}
