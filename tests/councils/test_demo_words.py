"""Every demo council but York gives its own examples where the catalogue gives York's (a postcode, a street):
North Lanarkshire's residents are not asked for "YO1 7HH" or "3 Micklegate", and each example is an address of
the council's own list, so a resident who types it finds a home."""
import csv
import json
import re
from pathlib import Path

from support.councils_support import DEMO

CATALOGUE = json.loads((Path(__file__).resolve().parents[2] / "web" / "messages" / "en.json").read_text())
YORKS = re.compile(r"YO\d{1,2} \d[A-Z]{2}|\d+ Micklegate")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b")
STREET = re.compile(r"\b\d+ (?:[A-Z][a-z]+ ?)+(?=[.,]|$| or)")


def test_every_demo_council_but_york_says_its_own_postcodes_and_streets_and_each_is_on_its_list():
    examples = {key for key, text in CATALOGUE.items() if YORKS.search(text)}
    assert len(examples) == 8, examples  # the keys whose words give York's examples
    for folder in sorted(f for f in DEMO.iterdir() if f.is_dir()):
        council = json.loads((folder / "council.json").read_text())
        words = council.get("words") or {}
        assert examples <= set(words), (folder.name, examples - set(words))
        said = " ".join(words[key] for key in examples)
        assert not YORKS.search(said), (folder.name, said)
        if not (folder / "addresses.csv").exists():
            continue  # a county with no address list of its own: its words give no example
        rows = list(csv.DictReader((folder / "addresses.csv").open()))
        postcodes, streets = {r["postcode"] for r in rows}, {r["address_1"] for r in rows}
        assert set(POSTCODE.findall(said)) <= postcodes and POSTCODE.findall(said), (folder.name, said)
        assert {s.strip() for s in STREET.findall(said)} <= streets and STREET.findall(said), (folder.name, said)
