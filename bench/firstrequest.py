"""First request per route family in a fresh process, next to the second.

A Lambda's cold start pays for `import app`, then for whatever the first
request imports and builds (handler modules, PynamoDB models, the botocore
client). Each family's request runs in a new interpreter against a seeded
moto server over HTTP (as a Lambda reaches DynamoDB over the network); the
child times `import app`, the first request and the same request again, and
counts the botocore clients it built.

    python -m bench.firstrequest      (also part of `make bench`)
"""
import compileall
import contextlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .env import ROOT, child_env
from .report import replace_section

RUNS = 7
TARGET = 1.3  # first request <= 1.3 x (health's first + the route's own second)
BEGIN, END = "<!-- first-request -->", "<!-- /first-request -->"
CHILD = r"""
import json, sys, time
t = time.perf_counter()
import botocore.session  # to count clients: its import is timed apart ("counter")
counter = time.perf_counter() - t
made = []
original = botocore.session.Session.create_client
def counting(self, name, *a, **k):
    made.append(name)
    return original(self, name, *a, **k)
botocore.session.Session.create_client = counting
t = time.perf_counter()
import app
imported = time.perf_counter() - t
from chalice.test import Client
from chalice.local import LambdaEventConverter
# Each process is another caller (as the residents behind cold Lambdas are):
# fourteen report creations from one address within a minute meet its limit.
LambdaEventConverter.LOCAL_SOURCE_IP = sys.argv[2]
method, path, body, headers = json.loads(sys.argv[1])
times = []
with Client(app.app) as client:
    for attempt in range(2):
        data = body.replace("{n}", str(attempt)) if body else None
        t = time.perf_counter()
        response = client.http.request(method, path, body=data, headers=headers)
        times.append(time.perf_counter() - t)
        assert response.status_code < 400, (path, response.status_code, response.body[:300])
print(json.dumps({"import": imported, "first": times[0], "second": times[1], "clients": made, "counter": counter,
                  "modules": len(sys.modules)}))
"""


def families(fixture):
    """(family, method, path, body, headers): one representative request each."""
    json_h = {"Content-Type": "application/json"}
    bearer = {"Authorization": f"Bearer {fixture['token']}"}
    staff = {"Authorization": f"Bearer {fixture['staff_token']}"}
    point = "lat=53.9600&lon=-1.0870"
    rid, uprn = fixture["report_id"], fixture["uprn"]
    push = {"endpoint": "https://push.example.net/send/bench", "keys": fixture["push_keys"]}
    return [
        ("health", "GET", "/v1/health", None, {}),
        ("categories", "GET", "/v1/services", None, {}),
        ("report view", "GET", f"/v1/reports/{rid}", None, {}),
        ("report creation", "POST", "/v1/reports", json.dumps({
            "service_code": "pothole", "lat": 53.9623, "lon": -1.0819, "fields": {"size": "large"},
            "description": "Bench pothole {n}"}), json_h),
        ("map", "GET", "/v1/reports?bbox=-1.10,53.95,-1.06,53.97", None, {}),
        ("nearby", "GET", f"/v1/reports/nearby?{point}", None, {}),
        ("area feed", "GET", f"/v1/feeds/reports.rss?{point}", None, {}),
        ("place view", "GET", f"/v1/places/{uprn}", None, {}),
        ("bin calendar", "GET", f"/v1/places/{uprn}/bins.ics", None, {}),
        ("nearest", "GET", f"/v1/nearest?{point}&type=library", None, {}),
        ("councillors", "GET", f"/v1/councillors?{point}", None, {}),
        ("sign-in", "POST", "/v1/auth/login", json.dumps({"email": fixture["email"], "password": fixture["password"]}),
         json_h),
        ("my account", "GET", "/v1/me", None, bearer),
        ("alert subscription", "POST", "/v1/alerts", json.dumps(
            {"kind": "area", "lat": 53.9623, "lon": -1.0819, "radius_m": 500, "channels": ["push"],
             "push_subscription": push}), json_h),
        # A change needs the ETag its previous answer gave, so the first-request
        # figure for staff is their inbox and one report (what triage opens with).
        ("staff inbox", "GET", "/v1/staff/reports?status=open", None, staff),
        ("staff report", "GET", f"/v1/staff/reports/{rid}", None, staff),
        ("Open311 services", "GET", "/open311/v2/services.xml", None, {}),
        ("Open311 request", "GET", f"/open311/v2/requests/{rid}.json", None, {}),
        ("OpenAPI document", "GET", "/openapi.json", None, {}),
    ]


def seed(env):
    """Tables, categories, the demo places, a report, a resident and a staff member."""
    import os
    os.environ.update(env)
    from chalicelib.handlers.accounts import auth, users
    from chalicelib.handlers.reports.create import create_report
    from chalicelib.deps import default_deps
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.tables import ensure_tables
    from doorstep_cli import seed as demo
    ensure_tables(wait=False)
    BlobStore().ensure_bucket()
    deps = default_deps("http://bench")
    demo.demo_council(deps)
    view, _ = create_report(deps, {"service_code": "pothole", "lat": 53.9623, "lon": -1.0819,
                                   "fields": {"size": "large"}, "description": "A pothole to look at"})
    password = "a long bench password 7"
    resident = users.create_user(deps, "bench.resident@example.org", "resident", name="Bench", password=password)
    staff = users.create_user(deps, "bench.staff@example.org", "admin", name="Staff")
    address = deps.addresses.by_postcode("YO1 7HH") or deps.addresses.by_postcode("YO1 9TX")
    uprn = address[0].uprn if address else next(iter(_any_uprn(deps)))
    import base64
    return {"report_id": view["id"], "uprn": uprn, "email": resident.email, "password": password,
            "token": auth.start_session(deps, resident, deps.clock())["access_token"],
            "staff_token": auth.start_session(deps, staff, deps.clock())["access_token"],
            "push_keys": {"p256dh": base64.urlsafe_b64encode(_point()).decode().rstrip("="),
                          "auth": base64.urlsafe_b64encode(b"0123456789abcdef").decode().rstrip("=")}}


def _any_uprn(deps):
    from chalicelib.storage.places.addresses import AddressModel
    return (a.uprn for a in AddressModel.scan(limit=1))


def _point():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    return key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


def server_env(server, prefix="bench-"):
    return {**child_env(), "DOORSTEP_AWS_ENDPOINT": "http://%s:%d" % server.get_host_and_port(),
            "DOORSTEP_TABLE_PREFIX": prefix, "DOORSTEP_SCRYPT_LOG_N": "12",
            "DOORSTEP_JWT_SECRET": "bench-signing-key-" + "x" * 32, "DOORSTEP_TOKEN_ISSUER": "doorstep:bench",
            "DOORSTEP_VAPID_PRIVATE_KEY": "BEv27mGLdrbA2dY0m9KO6DLy3-dD2VMOgW34Yar11kA"}


def measure(progress, runs=RUNS, plain=False, uncompiled=()):
    """Every family once per round, `runs` rounds (a fresh process each time):
    the rounds interleave, so a burst of other work on the machine lands on
    every family alike rather than on one. plain: moto's server as it comes.
    uncompiled: families measured again with no bytecode at all (then the
    answer is (rows, those rows))."""
    from moto.server import ThreadedMotoServer
    from .motofast import served
    server = ThreadedMotoServer("127.0.0.1", 0, verbose=False)
    # By default the browser tests' moto server: the same answers, without
    # moto's own per-request costs (a folder listing, a whole-table sort per
    # Query, a shape walk per response: 15-25 ms a call where DynamoDB
    # answers in a few), which would count against whichever family makes
    # more calls cold than warm (the categories and due-date rules it caches).
    with contextlib.nullcontext() if plain else served():
        server.start()
        try:
            # moto keeps one store per process whatever server answers: each run its own tables.
            return _measure(progress, server, runs, "bench-plain-" if plain else "bench-", uncompiled)
        finally:
            server.stop()


def _measure(progress, server, runs, prefix, uncompiled=()):
    env = server_env(server, prefix)
    fixture = seed(env)
    chosen = families(fixture)
    # The children read the project's bytecode as a package that ships it would:
    # compiled once here, whatever PYTHONDONTWRITEBYTECODE says in this shell.
    compileall.compile_dir(ROOT / "chalicelib", quiet=1)
    compileall.compile_file(ROOT / "app.py", quiet=1)
    samples = {family: [] for family, *_ in chosen}
    for attempt in range(runs):
        for family, method, path, body, headers in chosen:
            samples[family].append(_child(env, [method, path, body, headers], f"198.51.100.{attempt + 1}"))
        progress(f"  round {attempt + 1} of {runs} done")
    rows = _rows(chosen, samples)
    health = rows[0]["first"]
    for row in rows:
        row["ratio"] = row["first"] / (health + row["second"])
        progress(f"  {row['family']}: first {row['first'] * 1000:.0f} ms, second {row['second'] * 1000:.0f} ms, "
                 f"{row['ratio']:.2f}x health's first + its second")
    if not uncompiled:
        return rows
    # No bytecode for ours or the dependencies' modules, nothing written; the
    # standard library's kept, as Lambda's runtime has it: a cache folder
    # filled by one run of each family, less everything under the project
    # (its virtualenv included).
    with tempfile.TemporaryDirectory() as cache:
        some = [c for c in chosen if c[0] in uncompiled]
        filling = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
        for family, method, path, body, headers in some:
            _child({**filling, "PYTHONPYCACHEPREFIX": cache}, [method, path, body, headers], "203.0.113.250")
        shutil.rmtree(Path(cache) / ROOT.relative_to(ROOT.anchor))
        bare = {**env, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": cache}
        raw = {family: [] for family, *_ in some}
        for attempt in range(runs):
            for family, method, path, body, headers in some:
                raw[family].append(_child(bare, [method, path, body, headers], f"203.0.113.{attempt + 1}"))
        progress("  without bytecode done")
    return rows, _rows(some, raw)


def _rows(chosen, samples):
    rows = []
    for family, method, path, body, headers in chosen:
        got = samples[family]
        rows.append({"family": family, "path": f"{method} {path.split('?')[0]}",
                     **{k: statistics.median(s[k] for s in got) for k in ("import", "first", "second", "counter")},
                     "cold": statistics.median(s["counter"] + s["import"] + s["first"] for s in got),
                     "clients": got[-1]["clients"], "modules": statistics.median(s["modules"] for s in got)})
    return rows


def _child(env, request, address):
    out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(request), address], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


# The ratios on the code before issue 30's changes (main at 14c2b55, this
# bench, 2026-11-23): 15 of 19 families above the target.
BEFORE = {"health": 0.95, "categories": 1.57, "report view": 1.43, "report creation": 0.86, "map": 1.27,
          "nearby": 1.28, "area feed": 1.16, "place view": 1.11, "bin calendar": 1.32, "nearest": 1.23,
          "councillors": 1.68, "sign-in": 1.36, "my account": 1.90, "alert subscription": 1.63,
          "staff inbox": 2.12, "staff report": 1.76, "Open311 services": 2.01, "Open311 request": 1.93,
          "OpenAPI document": 0.19}


def section(rows, runs=RUNS, before=None, plain=None, bare=None):
    """plain: the same families' rows on moto's unpatched server (the "before" figures' server);
    bare: some families' rows with no bytecode at all."""
    before = BEFORE if before is None else before
    on_plain = {r["family"]: r["ratio"] for r in plain or ()}
    ok = all(r["ratio"] <= TARGET for r in rows)
    lines = [BEGIN, "## First request per route family (a cold start)", "",
             f"Each row: a new Python process imports `app`, then makes the family's request twice "
             f"through Chalice's test client against a seeded moto server over HTTP (median of {runs} "
             "processes per family, the families interleaved round by round). *First* is what a cold "
             "Lambda adds after `import app`: the handler's lazy imports, the stores it uses, and the "
             "process's one botocore client; *second* is the same request warm. *Ratio* is first / "
             "(health's first + this family's second): what the family adds to a cold start beyond "
             "the stack every route pays (botocore, PynamoDB, the client) and its own work. Sign-in "
             "hashes at scrypt N=2^12 here (production: 2^17, about 0.4 s more).", "",
             "The server is the browser tests' moto (`bench/motofast.py`: the same answers without "
             "moto's own costs per call, a folder listing, a sort of the whole table per Query and a "
             "walk of the response's shape, 15-25 ms a call where DynamoDB answers in a few). "
             "*Before* is the ratio before the changes of issue 30, measured on moto's server as it "
             "comes; *plain moto* is today's code on that server, for comparison with it. A report "
             "already sent to its body says when in London's time, so its views load zoneinfo (about "
             "3 ms with sysconfig); London's date alone needs it only from 23:00 to 24:00 UTC.", "",
             f"Target: every family's ratio ≤ {TARGET}: **{'PASS' if ok else 'FAIL'}** "
             f"(highest {max(r['ratio'] for r in rows):.2f}, {max(rows, key=lambda r: r['ratio'])['family']}).", "",
             "| family | request | import app | first | second | ratio | before | plain moto | modules loaded "
             "| botocore clients |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        was, plainly = before.get(r["family"]), on_plain.get(r["family"])
        lines.append(f"| {r['family']} | `{r['path']}` | {r['import'] * 1000:.0f} ms | {r['first'] * 1000:.0f} ms "
                     f"| {r['second'] * 1000:.0f} ms | {r['ratio']:.2f} | {f'{was:.2f}' if was else '–'} "
                     f"| {f'{plainly:.2f}' if plainly else '–'} "
                     f"| {r['modules']:.0f} | {', '.join(r['clients']) or 'none'} |")
    if bare:
        lines += ["", *_without_bytecode(rows, bare, runs)]
    lines.append(END)
    return "\n".join(lines), ok


# What a cold start costs where nothing is compiled ahead (the zip as built today).
UNCOMPILED = ("health", "report creation", "staff report")


def _without_bytecode(rows, bare, runs):
    compiled = {r["family"]: r for r in rows}
    lines = ["### Without bytecode", "",
             "The rows above read compiled bytecode (here the bench's Python's), as the Lambda zip "
             "carries it (compiled by Python 3.13, the runtime's version: `infra/bytecode.py`). Lambda's "
             "/var/task is read-only, so a zip of sources alone (as it was built before) makes every "
             "cold start compile each module it imports, ours and the dependencies', and keep none. The "
             "same families with no bytecode for those and nothing written, the standard library's kept "
             f"as the runtime has it (median of {runs} processes; the last column is the median of each "
             "process's sum):",
             "", "| family | botocore.session (imported first, to count clients): bytecode → none "
             "| import app: bytecode → none | first: bytecode → none | the three: bytecode → none |",
             "|---|---|---|---|---|"]
    for r in bare:
        c = compiled[r["family"]]
        lines.append(f"| {r['family']} | " + " | ".join(
            f"{c[k] * 1000:.0f} → {r[k] * 1000:.0f} ms" for k in ("counter", "import", "first"))
            + f" | {c['cold'] * 1000:.0f} → {r['cold'] * 1000:.0f} ms |")
    return lines


def measure_and_write(progress, doc=ROOT / "docs" / "benchmarks.md"):
    rows, bare = measure(progress, uncompiled=UNCOMPILED)
    progress("  again on moto's server as it comes")
    plain = measure(progress, plain=True)
    text, ok = section(rows, plain=plain, bare=bare)
    replace_section(doc, BEGIN, END, text)
    progress(f"wrote the first-request section of {doc.name}")
    return 0 if ok else 1


if __name__ == "__main__":
    import time
    started = time.perf_counter()
    sys.exit(measure_and_write(lambda m: print(f"[{time.perf_counter() - started:6.1f}s] {m}", flush=True)))
