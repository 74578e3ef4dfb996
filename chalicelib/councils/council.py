"""A council as domain code reads it: its settings document made a record.
Deps.council is the council the work is for (tenancy.current())."""
from dataclasses import dataclass, field

from . import registry


@dataclass(frozen=True)
class Council:
    id: str
    name: str
    short_name: str
    hosts: tuple = ()
    public_url: str | None = None
    jurisdiction: str = "england"
    version: int = 0  # its settings' version: 0 when none are stored yet
    document: dict = field(default_factory=dict)

    @classmethod
    def of_document(cls, document, version):
        return cls(id=document["id"], name=document["name"], short_name=document["short_name"],
                   hosts=tuple(document.get("hosts") or ()), public_url=document.get("public_url"),
                   jurisdiction=document.get("jurisdiction", "england"), version=version, document=document)


def council(council_id, store=None):
    """The council `council_id` as its stored settings say; one with none stored yet (a
    deployment's default council before its settings are added) is named by its id."""
    found = registry.settings_of(council_id, store)
    if found is None:
        return Council(id=council_id, name=council_id, short_name=council_id)
    return Council.of_document(*found)
