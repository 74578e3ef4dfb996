"""The planning constraints at a place, from Planning Data's datasets
(planning.data.gov.uk, the national platform): conservation areas, listed
buildings' outlines, tree preservation zones and flood risk zones, each a
GeoJSON file as the platform gives it for download, under the Open
Government Licence.

Loaded as the council's other open data is (its boundary,
chalicelib/data/york_boundary.geojson): files read once per process from
DOORSTEP_PLANNING_DATA_DIR (default the repository's fictional demo,
chalicelib/data/planning_data/), then each point tested in memory against
the few shapes near it (geo/layers.py). A read costs no DynamoDB call; a
file missing is a dataset not offered, never an error."""
import json
from functools import lru_cache
from pathlib import Path

from . import wording

DATASETS = ("conservation-area", "listed-building-outline", "tree-preservation-zone", "flood-risk-zone")
DEMO_DIR = Path(__file__).resolve().parents[2] / "data" / "planning_data"
ENTITY_URL = "https://www.planning.data.gov.uk/entity/{entity}"


@lru_cache(maxsize=4)
def _layers(directory):
    from ...geo.layers import Layer
    found = {}
    for dataset in DATASETS:
        path = Path(directory) / f"{dataset}.geojson"
        if path.exists():
            found[dataset] = Layer(json.loads(path.read_text()).get("features") or [])
    return found


def layers():
    from .settings import planning
    return _layers(str(planning()["data_dir"] or DEMO_DIR))


def at(lon, lat):
    """[{dataset, kind, name, reference, words, url}] of the shapes holding the point, datasets in DATASETS' order."""
    found = []
    for dataset, layer in layers().items():
        for feature in layer.at(lon, lat):
            found.append(_shown(dataset, feature.get("properties") or {}))
    return found


def _shown(dataset, props):
    name = str(props.get("name") or props.get("reference") or "")
    kind = wording.CONSTRAINTS[dataset]
    if dataset == "flood-risk-zone" and props.get("flood-risk-level"):
        kind = wording.FLOOD_ZONE.format(level=props["flood-risk-level"])
    if dataset == "listed-building-outline" and props.get("listed-building-grade"):
        kind = wording.LISTED_GRADE.format(grade=props["listed-building-grade"])
    entity = props.get("entity")
    return {"dataset": dataset, "kind": kind, "name": name or None, "reference": str(props.get("reference") or "") or None,
            "words": wording.CONSTRAINT_WORDS.format(kind=kind, name=name) if name else kind,
            "url": ENTITY_URL.format(entity=entity) if entity else None}
