"""An item as the export writes it: one line of plain JSON (docs/offboarding-format.md), every
attribute the item holds, whether its model still declares it or not.

DynamoDB's types become JSON's: text, numbers (exact: an integer of any size, a decimal as a
number when a double holds it exactly, else as its digits in text), booleans, null, maps and
lists; sets become sorted lists; binary becomes base64 text. An attribute its model stores as
JSON text is written as the JSON it holds. A key stored with the council first (`york|DS-7K3F9Q`)
is written as the code names it (`DS-7K3F9Q`): the council is the export's, once, in its manifest.
"""
import base64
import json
from decimal import Decimal

from ... import tenancy


class Crossed(RuntimeError):
    """An item of another council among this council's: never exported (it cannot happen: its
    partition key said this council's; an attribute saying another would be a bug)."""


def number(text):
    if not any(c in text for c in ".eE"):
        return int(text)
    as_float = float(text)
    return as_float if Decimal(repr(as_float)) == Decimal(text) else text


def value(wire):
    (kind, held), = wire.items()
    if kind in ("S", "BOOL"):
        return held
    if kind == "N":
        return number(held)
    if kind == "NULL":
        return None
    if kind == "B":
        return base64.b64encode(held).decode()
    if kind == "M":
        return {name: value(inner) for name, inner in sorted(held.items())}
    if kind == "L":
        return [value(inner) for inner in held]
    if kind == "SS":
        return sorted(held)
    if kind == "NS":
        return sorted((number(n) for n in held), key=Decimal)
    if kind == "BS":
        return sorted(base64.b64encode(b).decode() for b in held)
    raise ValueError(f"a DynamoDB type the export does not know: {kind}")


def plain(item, council, council_keyed=(), json_attributes=()):
    """The item (DynamoDB's wire form) as a plain dict of the council `council`."""
    out = {}
    for name, wire in item.items():
        held = value(wire)
        if name in council_keyed and isinstance(held, str):
            owner, sep, bare = held.partition(tenancy.SEPARATOR)
            if not sep or owner != council:
                raise Crossed(f"{name}: an item of {owner if sep else 'no council'!r} read for {council!r}")
            held = bare
        elif name in json_attributes and isinstance(held, str):
            try:
                held = json.loads(held)
            except ValueError:
                pass  # stored as text after all: written as it is
        out[name] = held
    return out


def line(record):
    """One JSON line (UTF-8 bytes, ending in a newline): keys sorted, so an item is always the same line."""
    return (json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode()
