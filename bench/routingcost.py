"""`python -m bench.routingcost` (in `make bench-forwarding`): what routing a
report and reading a body's updates cost, and how long a send and a poll
take against a second Doorstep acting as the county.

Routing: the demo's three bodies plus N more (parishes and districts spread
over England, a tenth of them over York), then bodies.routing.route at 200
points over York: DynamoDB calls and items read per report, by N.
Polling: a body's server answering k updates for k forwarded reports: items
read and calls per poll, by k.
Round trip: the county's Doorstep in its own process over real HTTP: a send
(claim, POST, record) and a poll that applies one update, medians of 15.
"""
import statistics
import time

from . import env

env.apply()

BODY_COUNTS = (0, 100, 1000, 5000)


def _fast():
    from .motofast import isolated_transactions
    return isolated_transactions()
UPDATE_COUNTS = (0, 10, 100)


def _square(x, y, size):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]}


def _bodies(deps, count):
    """N bodies written in batches (one transaction each would copy moto's tables N times)."""
    from chalicelib.storage.bodies.bodies import Body, BodyCellModel, BodyModel, index_bbox, index_cells
    from chalicelib.storage.binding import batch_save
    from chalicelib.storage.places.wards import geometry_blob
    rows = []
    for i in range(count):
        over_york = i % 10 == 0
        x, y = (-1.20 + (i % 7) * 0.03, 53.90 + (i % 5) * 0.02) if over_york else (-5 + (i % 80) * 0.1,
                                                                                   50.5 + (i // 80) * 0.05)
        rows.append(Body(id=f"b{i:05d}", name=f"Body {i}", area={"kind": "polygons", "geometry": _square(x, y, 0.02)},
                         categories=["litter"], precedence=1, contact_text="x"))
    models, cell_rows = [], []
    for body in rows:
        bbox = index_bbox(body.area)
        cells = index_cells(bbox)
        models.append(BodyModel(id=body.id, name=body.name, geometry=geometry_blob(body.area["geometry"]),
                                area={"kind": "polygons"}, settings={"categories": body.categories, "precedence": 1,
                                                                     "contact_text": "x"},
                                w=bbox[0], s=bbox[1], e=bbox[2], n=bbox[3], cells=cells))
        cell_rows += [BodyCellModel(cell=c, body_id=body.id, w=bbox[0], s=bbox[1], e=bbox[2], n=bbox[3],
                                    categories=body.categories, precedence=1) for c in cells]
    batch_save(BodyModel, models)
    batch_save(BodyCellModel, cell_rows)


def routing(points=200):
    from moto import mock_aws
    from chalicelib.handlers.bodies.routing import route
    from chalicelib.storage import metering
    from doorstep_cli.demo_bodies import load_demo_bodies
    table = []
    for count in BODY_COUNTS:
        with mock_aws(), _fast():
            env.fresh_storage()
            deps = env.deps()
            load_demo_bodies(deps, county_endpoint="http://127.0.0.1:9/open311/v2", county_key="k")
            _bodies(deps, count)
            w, s, e, n = deps.area.bbox
            calls, items = [], []
            services = [deps.services.get("pothole"), deps.services.get("litter")]
            for i in range(points):
                lon, lat = w + (e - w) * ((i * 37) % points + 0.5) / points, s + (n - s) * ((i * 61) % points + 0.5) / points
                if not deps.area.contains(lon, lat):
                    continue
                with metering.metered() as meter:
                    route(deps, services[i % 2], lon, lat)
                calls.append(meter.calls)
                items.append(meter.items)
            table.append((count + 3, len(items), statistics.median(calls), max(calls), statistics.median(items),
                          max(items)))
    return table


def polling():
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from moto import mock_aws
    from chalicelib.handlers.forwarding import polling as poller
    from chalicelib.storage import metering
    from chalicelib.storage.bodies.sends import Send
    from chalicelib.storage.bodies.body_polls import PollCursorStore
    from doorstep_cli.demo_bodies import load_demo_bodies
    table = []
    for k in UPDATE_COUNTS:
        answer = {"body": b"[]"}

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(answer["body"])
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with mock_aws(), _fast():
            env.fresh_storage()
            deps = env.deps()
            load_demo_bodies(deps, county_endpoint=f"http://127.0.0.1:{server.server_address[1]}/open311/v2",
                             county_key="k")
            made = []
            for i in range(k):
                view = _report(deps, i)
                send = deps.sends.get(view, "north-yorkshire")
                deps.sends.save(Send(**{**send.__dict__, "state": "sent", "reference": f"NY-{i}",
                                        "sent_at": deps.clock()}))
                made.append(view)
            now = deps.clock()
            answer["body"] = json.dumps([{"update_id": f"u{i}", "service_request_id": f"NY-{i}", "status": "closed",
                                          "external_status_code": "fixed", "description": "Done.",
                                          "updated_datetime": now.strftime("%Y-%m-%dT%H:%M:%SZ")}
                                         for i in range(k)]).encode()
            body = deps.bodies.get("north-yorkshire")
            with metering.metered() as meter:
                applied = poller.poll(deps, body, PollCursorStore())
            table.append((k, applied, meter.calls, meter.items, meter.writes))
        server.shutdown()
    return table


def _report(deps, i):
    from chalicelib.handlers.reports.create import create_report
    view, _ = create_report(deps, {"service_code": "pothole", "lat": 53.99, "lon": -1.12 + i * 1e-5,
                                   "description": f"Hole {i}.", "fields": {"size": "large"}})
    return view["id"]


def round_trip(tries=15):
    """Send and poll timings against the county's Doorstep (its own process)."""
    import secrets
    import subprocess
    import tempfile
    import json
    from moto import mock_aws
    from chalicelib.handlers.forwarding import polling as poller, sender
    from chalicelib.storage.bodies.body_polls import PollCursorStore
    from doorstep_cli.demo_bodies import load_demo_bodies
    from doorstep_cli.local.county import command
    from tests.support.county import County
    key, password = "o311_" + secrets.token_urlsafe(24), secrets.token_urlsafe(16)
    process = subprocess.Popen(command(0, key, tempfile.mkdtemp(), "o@county.example", password),
                               cwd=env.ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env={**env.child_env(), "PYTHONPATH": str(env.ROOT)})
    try:
        county = County(json.loads(process.stdout.readline())["url"], key, "o@county.example", password)
        sends, polls = [], []
        with mock_aws(), _fast():
            env.fresh_storage()
            deps = env.deps()
            load_demo_bodies(deps, county_endpoint=county.open311, county_key=key)
            body = deps.bodies.get("north-yorkshire")
            cursors = PollCursorStore()
            for i in range(tries):
                rid = _report(deps, i)
                started = time.perf_counter()
                assert sender.attempt(deps, rid, "north-yorkshire") == "sent"
                sends.append(time.perf_counter() - started)
                county.mark(deps.sends.get(rid, "north-yorkshire").reference, "fixed", "Done.")
                started = time.perf_counter()
                assert poller.poll(deps, body, cursors) == 1
                polls.append(time.perf_counter() - started)
        return statistics.median(sends) * 1000, statistics.median(polls) * 1000
    finally:
        process.terminate()
        process.wait(timeout=20)


def main():
    print("Routing a report (3 demo bodies + N more), 200 points over York:")
    print("| bodies stored | points | calls (median / max) | items read (median / max) |")
    print("|---:|---:|---|---|")
    for bodies, points, c_med, c_max, i_med, i_max in routing():
        print(f"| {bodies:,} | {points} | {c_med:g} / {c_max} | {i_med:g} / {i_max} |")
    print("\nPolling a body's updates, k updates in the answer:")
    print("| updates returned | applied | DynamoDB calls | items read | items written |")
    print("|---:|---:|---:|---:|---:|")
    for k, applied, calls, items, writes in polling():
        print(f"| {k} | {applied} | {calls} | {items} | {writes} |")
    send_ms, poll_ms = round_trip()
    print(f"\nRound trip with the county's Doorstep over HTTP (median of 15): send {send_ms:.0f} ms "
          f"(claim, POST requests.json, record the reference); poll applying one update {poll_ms:.0f} ms.")


if __name__ == "__main__":
    main()
