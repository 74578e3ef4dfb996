"""A council's leaving in tests: councils to leave with things of their own, and what every table
and the bucket hold, read with the raw client (not through the code under test)."""
import hashlib
import json
from collections import Counter
from pathlib import Path

from chalicelib import tenancy
from support.councils_support import PASSWORD, add, at, north_lanarkshire, with_categories, york

NORTH, NORTH_HOST = "north", "north.localhost"  # an id that begins north-lanarkshire's: apart by the `|`
MOTHERWELL = (55.7885, -4.002)  # lat, lon: North Lanarkshire's
ALNWICK = (55.4131, -1.7065)  # north's


def north():
    return {"id": NORTH, "name": "North Council", "short_name": "North", "hosts": [NORTH_HOST],
            "jurisdiction": "england", "open311_jurisdiction": "north.example.gov.uk",
            "area": {"type": "Polygon", "coordinates": [[[-2.2, 55.2], [-1.4, 55.2], [-1.4, 55.6], [-2.2, 55.6],
                                                         [-2.2, 55.2]]]}}


def council_tables():
    from chalicelib.storage.offboarding.kinds import council_tables as kinds
    return kinds()


def client():
    from chalicelib.storage.binding import connection
    return connection().client


def items(table):
    pages = client().get_paginator("scan").paginate(TableName=table, ConsistentRead=True)
    return [item for page in pages for item in page["Items"]]


def owner(kind, item):
    stored = item.get(kind.keys[0], {}).get("S", "")
    return tenancy.council_of(stored)


def held(council):
    """{table: sorted items (as stored)} of the council's in every council table, and {key: bytes} of its files."""
    found = {}
    for kind in council_tables():
        mine = sorted((i for i in items(kind.table) if owner(kind, i) == council), key=repr)
        if mine:
            found[kind.name] = mine
    return found, files_of(council)


def counts():
    """{council: {table: items}} of every council table."""
    out = {}
    for kind in council_tables():
        for council, n in Counter(owner(kind, i) for i in items(kind.table)).items():
            out.setdefault(council, {})[kind.name] = n
    return out


def files_of(council):
    from chalicelib.storage.blobs import BlobStore
    store = BlobStore()
    out = {}
    for page in store.client.get_paginator("list_objects_v2").paginate(Bucket=store.bucket):
        for item in page.get("Contents", []):
            kind, _, rest = item["Key"].partition("/")
            if rest.partition("/")[0] == council:
                out[item["Key"]] = store.client.get_object(Bucket=store.bucket, Key=item["Key"])["Body"].read()
    return out


def index_entries(council):
    """{table/index: entries of the council's} of every index, read with Scans of the indexes."""
    found = {}
    for kind in council_tables():
        for index, key in kind.indexes:
            pages = client().get_paginator("scan").paginate(TableName=kind.table, IndexName=index)
            n = sum(1 for page in pages for i in page["Items"] if i.get(key, {}).get("S", "").startswith(council + "|"))
            if n:
                found[f"{kind.name}/{index}"] = n
    return found


def busy_council(client_, deps, council, host, where, n=3):
    """A council with things of its own: reports with photos (its files), a signed-in resident, an alert."""
    from conftest import pothole
    from chalicelib.handlers.accounts import users
    from chalicelib.storage.blobs import BlobStore
    email = f"resident@{council}.example.org"
    with tenancy.acting_for(council):
        users.create_user(deps.for_council(), email, "resident", name=f"Resident of {council}", password=PASSWORD)
        for i in range(n):
            BlobStore().write(f"photos/{council}-{i}.jpg", f"a photo {i} of {council}".encode(), "image/jpeg")
    signed = client_.post("/v1/auth/login", {"email": email, "password": PASSWORD}, at(host))
    assert signed.status_code == 200, signed.json_body
    bearer = {"Authorization": f"Bearer {signed.json_body['access_token']}"}
    made = []
    for i in range(n):
        report = pothole(lat=where[0], lon=where[1], description=f"Pothole {i} of {council}")
        key = {"Idempotency-Key": f"{council}-report-{i:04d}-key"}
        answer = client_.post("/v1/reports", report, at(host, {**bearer, **key}))
        assert answer.status_code == 201, answer.json_body
        made.append(answer.json_body["id"])
    return {"bearer": bearer, "reports": made, "email": email}


def two_councils_sharing_a_prefix(client_, deps):
    add(deps, york(), north_lanarkshire(), north())
    with_categories("north-lanarkshire", NORTH)
    return (busy_council(client_, deps, NORTH, NORTH_HOST, ALNWICK),
            busy_council(client_, deps, "north-lanarkshire", "northlanarkshire.localhost", MOTHERWELL))


def exported_lines(folder):
    """{kind: [records]} of every part the export's manifest names, each part's checksum checked."""
    root = Path(folder)
    manifest = json.loads((root / "manifest.json").read_text())
    out = {}
    for name, kind in manifest["kinds"].items():
        for part in kind["parts"]:
            data = (root / part["path"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == part["sha256"], part["path"]
            out.setdefault(name, []).extend(json.loads(line) for line in data.decode().splitlines())
    return manifest, out
