"""First request per route family in a fresh process, next to the second.

A Lambda's cold start pays for `import app`, then for whatever the first
request imports and builds (handler modules, PynamoDB models, the botocore
client). Each family's request runs in a new interpreter against a seeded
moto server over HTTP (as a Lambda reaches DynamoDB over the network); the
child times `import app`, the first request and the same request again, and
counts the botocore clients it built.

    python -m bench.firstrequest      (also part of `make bench`)
"""
import json
import statistics
import subprocess
import sys

from .env import ROOT, child_env
from .report import replace_section

RUNS = 3
BEGIN, END = "<!-- first-request -->", "<!-- /first-request -->"
CHILD = r"""
import json, sys, time
import botocore.session
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
method, path, body, headers = json.loads(sys.argv[1])
times = []
with Client(app.app) as client:
    for attempt in range(2):
        data = body.replace("{n}", str(attempt)) if body else None
        t = time.perf_counter()
        response = client.http.request(method, path, body=data, headers=headers)
        times.append(time.perf_counter() - t)
        assert response.status_code < 400, (path, response.status_code, response.body[:300])
print(json.dumps({"import": imported, "first": times[0], "second": times[1], "clients": made}))
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
    from chalicelib.storage.addresses import AddressModel
    return (a.uprn for a in AddressModel.scan(limit=1))


def _point():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    return key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


def measure(progress, runs=RUNS):
    from moto.server import ThreadedMotoServer
    server = ThreadedMotoServer("127.0.0.1", 0, verbose=False)
    server.start()
    try:
        env = {**child_env(), "DOORSTEP_AWS_ENDPOINT": "http://%s:%d" % server.get_host_and_port(),
               "DOORSTEP_TABLE_PREFIX": "bench-", "DOORSTEP_SCRYPT_LOG_N": "12",
               "DOORSTEP_JWT_SECRET": "bench-signing-key-" + "x" * 32, "DOORSTEP_TOKEN_ISSUER": "doorstep:bench",
               "DOORSTEP_VAPID_PRIVATE_KEY": "BEv27mGLdrbA2dY0m9KO6DLy3-dD2VMOgW34Yar11kA"}
        fixture = seed(env)
        rows = []
        for family, method, path, body, headers in families(fixture):
            samples = [_child(env, [method, path, body, headers]) for _ in range(runs)]
            row = {"family": family, "path": f"{method} {path.split('?')[0]}",
                   **{k: statistics.median(s[k] for s in samples) for k in ("import", "first", "second")},
                   "clients": samples[-1]["clients"]}
            rows.append(row)
            progress(f"  {family}: first {row['first'] * 1000:.0f} ms, second {row['second'] * 1000:.0f} ms, "
                     f"clients {', '.join(row['clients']) or 'none'}")
        return rows
    finally:
        server.stop()


def _child(env, request):
    out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(request)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def section(rows, runs=RUNS):
    lines = [BEGIN, "## First request per route family (a cold start)", "",
             f"Each row: a new Python process imports `app`, then makes the family's request twice "
             f"through Chalice's test client against a seeded moto server over HTTP (median of {runs} "
             "processes). *First* is what a cold Lambda adds after `import app`: the handler's lazy "
             "imports, the models, and the process's one botocore client; *second* is the same "
             "request warm. *Clients* are the botocore clients the process built (one DynamoDB "
             "client shared by every table; S3 only where photos are involved). Sign-in hashes at "
             "scrypt N=2^12 here (production: 2^17, about 0.4 s more).", "",
             "| family | request | import app | first | second | botocore clients |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['family']} | `{r['path']}` | {r['import'] * 1000:.0f} ms | {r['first'] * 1000:.0f} ms "
                     f"| {r['second'] * 1000:.0f} ms | {', '.join(r['clients']) or 'none'} |")
    lines.append(END)
    return "\n".join(lines)


def measure_and_write(progress, doc=ROOT / "docs" / "benchmarks.md"):
    rows = measure(progress)
    replace_section(doc, BEGIN, END, section(rows))
    progress(f"wrote the first-request section of {doc.relative_to(ROOT)}")
    return rows


if __name__ == "__main__":
    import time
    started = time.perf_counter()
    measure_and_write(lambda m: print(f"[{time.perf_counter() - started:6.1f}s] {m}", flush=True))
