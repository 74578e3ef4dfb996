"""The council's blocks and the homes in each (data/repair_blocks.json): which
block a home is in, so a repair to a shared part of it (the tree's communal
locations) is the block's, seen by the tenants of its homes. The revenues port
reads tenancies, not the housing register's property hierarchy, so the
blocks are configuration a council keeps beside its repair tree.

Checked when first read: a block with no id, name, address or homes, an id
twice, or a home in two blocks refuses the file, so a home's block is one.
"""
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "repair_blocks.json"
_by_home = {}  # home id -> its block, filled once (a file with no blocks: the empty key alone)


class BlockDataError(ValueError):
    """repair_blocks.json repeats a block or puts a home in two."""


def _load():
    if not _by_home:
        blocks, homes = json.loads(DATA.read_text())["blocks"], {}
        if len({b.get("id") for b in blocks}) != len(blocks):
            raise BlockDataError("a block's id is given twice")
        for block in blocks:
            if not all(block.get(k) for k in ("id", "name", "address", "homes")):
                raise BlockDataError(f"block {block.get('id')}: an id, a name, an address and its homes")
            for home in block["homes"]:
                if home in homes:
                    raise BlockDataError(f"home {home} is in blocks {homes[home]['id']} and {block['id']}")
                homes[home] = block
        _by_home.update(homes or {"": None})
    return _by_home


def block_of(home_id):
    """{id, name, address} of the block a home is in, or None (a house, or a block the council has not listed)."""
    found = _load().get(home_id)
    return {k: found[k] for k in ("id", "name", "address")} if found else None
