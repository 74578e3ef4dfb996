"""Businesses starting up in tests: Newcastle-under-Lyme's and North Lanarkshire's demo folders
loaded (addresses, rounds, settings with their business data), each with its own local Civica
speaking business rates over real HTTP, clocks pinned to a Tuesday morning in November 2026."""
import json
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from chalicelib import tenancy
from support.councils_support import DEMO, DISTRICT, DISTRICT_HOST, NL, NL_HOST, at, demo_secrets_in
from support.revenues_support import MORNING

CORNER_CAFE = "990100000901"  # Unit 1, 24 High Street: a shop, rateable value £13,500 (civica_nndr.py)
EDGE_CAFE = "990100000902"  # 28 High Street: £12,000, the last pound of full relief in England
IRONMARKET = "990100000903"  # 5 Ironmarket: £16,000, no relief in England
BRANDON_PARADE = "990200000901"  # Motherwell: £16,000, 20% in Scotland
NOT_RATED = "990100000001"  # 1 High Street: a home, no business rates premises
STARTS = "2026-12-01"  # a Tuesday, a week after MORNING


@contextmanager
def council_with_civica(deps, tmp_path, monkeypatch, folder_name):
    """The council's demo folder loaded with its revenues back office at a local Civica of its own."""
    from chalicelib.storage.councils import CouncilStore
    from doorstep_cli.council_pack import add
    from doorstep_cli.local.civica import CivicaBackOffice
    folder = tmp_path / folder_name
    shutil.copytree(DEMO / folder_name, folder)
    (folder / "bodies.json").unlink(missing_ok=True)  # the county's roads: another council's, not loaded here
    document = json.loads((folder / "council.json").read_text())
    demo_secrets_in(monkeypatch, tmp_path, folder)
    with CivicaBackOffice(clock=lambda: MORNING, council=document["id"]) as office:
        document["back_offices"]["revenues"]["url"] = office.url
        document["back_offices"].pop("planning", None)
        document["back_offices"].pop("scheduler", None)
        (folder / "council.json").write_text(json.dumps(document))
        said = []
        assert add(folder, CouncilStore(), deps, say=said.append, by="test") == 0, said
        yield office


@pytest.fixture
def newcastle(deps, tmp_path, monkeypatch):
    with council_with_civica(deps, tmp_path, monkeypatch, "newcastle-under-lyme") as office:
        yield office


@pytest.fixture
def lanarkshire(deps, tmp_path, monkeypatch):
    with council_with_civica(deps, tmp_path, monkeypatch, "north-lanarkshire") as office:
        yield office


def resident_at(people, council):
    with tenancy.acting_for(council):
        return people()


def tell(client, person, body, host=DISTRICT_HOST, key="business-one"):
    base = {"activity": "cafe", "starts": STARTS, "ratepayer": {"name": "Corner Cafe Ltd", "kind": "company",
                                                                "company_number": "01234567"}}
    return client.post("/v1/me/businesses", {**base, **body}, at(host, {**person.auth, "Idempotency-Key": key}))


def parts_of(answer):
    return {p["name"]: p for p in answer.json_body["parts"]}


__all__ = ["DISTRICT", "DISTRICT_HOST", "NL", "NL_HOST", "at"]
