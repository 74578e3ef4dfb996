"""The council's blocks file (data/repair_blocks.json): a home is in one block at most, and a file that puts
a home in two is refused whole, so a shared repair is never shown to the wrong block."""
import json

import pytest

from chalicelib.handlers.repairs import blocks


def test_a_home_is_in_its_block_and_a_house_in_none():
    assert blocks.block_of("R0448112")["id"] == blocks.block_of("R0448105")["id"] == "hull_road_4"
    assert blocks.block_of("R0230117")["name"] == "6 Bootham" and blocks.block_of("R9999999") is None


def test_a_file_putting_a_home_in_two_blocks_is_refused(tmp_path, monkeypatch):
    bad = tmp_path / "blocks.json"
    twice = {"id": "b", "name": "B", "address": "B", "homes": ["R0448105"]}
    bad.write_text(json.dumps({"blocks": [{**twice, "id": "a"}, twice]}))
    monkeypatch.setattr(blocks, "DATA", bad)
    monkeypatch.setattr(blocks, "_by_home", {})
    with pytest.raises(blocks.BlockDataError, match="R0448105"):
        blocks.block_of("R0448105")
