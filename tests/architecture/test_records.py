"""The stored values of storage/records.py: each made a record when first named,
and a record compares and shows itself as the dataclass it replaces would."""
import dataclasses
import json
import subprocess
import sys
from importlib import import_module

import pytest

from chalicelib.storage import records
from chalicelib.storage.record_class import record
from tests.architecture.test_layers import ROOT, imports, modules

NAMES = sorted(records._HOMES)


def test_only_records_names_a_records_module():
    """The classes of records_*.py are records only once records.py has named them."""
    outside = {name: sorted(m for m in imports(name, path, pkg) if m.startswith("chalicelib.storage.records_"))
               for name, path, pkg in modules() if name != "chalicelib.storage.records"}
    assert {name: found for name, found in outside.items() if found} == {}


@pytest.mark.parametrize("name", NAMES)
def test_every_named_value_is_a_dataclass(name):
    value = getattr(records, name)
    if isinstance(value, type):
        assert dataclasses.is_dataclass(value)
        assert getattr(import_module(f"chalicelib.storage.{records._HOMES[name]}"), name) is value


def test_naming_a_value_makes_only_that_record():
    """A cold start pays for the records its route names, not their neighbours."""
    code = ("import dataclasses, json\n"
            "from chalicelib.storage.records import Report\n"
            "from chalicelib.storage.reports import records_reports as m\n"
            "print(json.dumps({n: dataclasses.is_dataclass(getattr(m, n)) for n in "
            "('Report', 'TimelineEntry', 'Event', 'Upload')}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == {"Report": True, "TimelineEntry": False, "Event": False, "Upload": False}


def _both(**options):
    """One class made twice: by @record and by dataclass itself."""
    def body():
        class Visit:
            where: str
            tags: list = dataclasses.field(default_factory=list)
            note: str = dataclasses.field(default="", compare=False, repr=False)
        return Visit
    return record(body(), **options), dataclasses.dataclass(body(), **options)


def test_a_record_is_equal_where_its_dataclass_would_be():
    made, plain = _both()
    pairs = [(("York", ["a"], "x"), ("York", ["a"], "y")),  # note is not compared
             (("York", ["a"]), ("York", ["b"])), (("York",), ("Selby",))]
    for left, right in pairs:
        assert (made(*left) == made(*right)) == (plain(*left) == plain(*right))
        assert (made(*left) != made(*right)) == (plain(*left) != plain(*right))
    assert made("York") != plain("York")  # another class, whatever its fields
    assert made("York").__eq__(object()) is NotImplemented


def test_a_record_shows_itself_as_its_dataclass_would():
    made, plain = _both()
    assert repr(made("York", ["a"], "hidden")) == repr(plain("York", ["a"], "hidden"))


def test_a_record_is_unhashable_as_its_dataclass_is():
    made, plain = _both()
    with pytest.raises(TypeError):
        hash(plain("York"))
    with pytest.raises(TypeError):
        hash(made("York"))


def test_a_frozen_record_is_refused_for_the_hash_it_would_lack():
    with pytest.raises(TypeError, match="frozen"):
        _both(frozen=True)
