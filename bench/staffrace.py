"""100 staff changes to one report at once, all with the same ETag, against a
running `make run` (DynamoDB Local underneath), over real HTTP.

Exactly one may win; every other must be told 409 (or, if DynamoDB held the
item for another transaction, 503 to retry, which then answers 409); none may
be lost, and the timeline must hold the winner's entry and nothing else.

    PORT=8110 make run            (in another terminal)
    PORT=8110 .venv/bin/python -m bench.staffrace
"""
import http.client
import json
import os
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from .report import replace_section

BEGIN, END = "<!-- staff-race: written by bench.staffrace -->", "<!-- /staff-race -->"
CHANGES = 100
PASSWORD = "a long race password 9"


def call(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request(method, path, body=json.dumps(body) if body is not None else None,
                     headers={"Content-Type": "application/json", **(headers or {})})
        response = conn.getresponse()
        raw = response.read()
        return response.status, dict(response.getheaders()), json.loads(raw) if raw else None
    finally:
        conn.close()


def officer(port):
    """An administrator in the running stack's store, signed in over HTTP."""
    from doorstep_cli.main import _deps, connect
    from chalicelib.handlers.accounts import users
    connect("local")
    email = f"race-{int(time.time())}@council.example"
    users.create_user(_deps(), email, "admin", name="Race Officer", password=PASSWORD)
    status, _, body = call(port, "POST", "/v1/auth/login", {"email": email, "password": PASSWORD})
    assert status == 200, body
    return {"Authorization": f"Bearer {body['access_token']}"}


def race(port):
    auth = officer(port)
    status, _, made = call(port, "POST", "/v1/reports", {
        "service_code": "pothole", "lat": 53.9623, "lon": -1.0819, "fields": {"size": "large"},
        "description": "Deep pothole outside the Minster (the staff race)."})
    assert status == 201, made
    rid = made["id"]
    _, headers, _ = call(port, "GET", f"/v1/staff/reports/{rid}", headers=auth)
    etag = headers["ETag"]

    def change(n):
        body = {"status": "investigating" if n % 2 else "action_scheduled", "public_update": f"Change {n}.",
                "internal_note": f"Note {n}."}
        status, _, answer = call(port, "PATCH", f"/v1/staff/reports/{rid}", body, {**auth, "If-Match": etag})
        return n, status, answer

    load = os.getloadavg()[0]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CHANGES) as pool:
        answers = list(pool.map(change, range(CHANGES)))
    seconds = time.perf_counter() - started
    statuses = Counter(status for _, status, _ in answers)
    winners = [(n, body) for n, status, body in answers if status == 200]
    _, _, final = call(port, "GET", f"/v1/staff/reports/{rid}", headers=auth)
    _, _, timeline = call(port, "GET", f"/v1/reports/{rid}/updates")
    _, _, audit = call(port, "GET", f"/v1/staff/reports/{rid}/audit", headers=auth)
    entries = [(u["status"], u["text"]) for u in timeline["updates"]]
    agrees = len(winners) == 1 and entries == [("open", None), (final["status"], f"Change {winners[0][0]}.")] \
        and final["version"] == 2 and [e["seq"] for e in audit["entries"]] == [2]
    return {"port": port, "statuses": dict(sorted(statuses.items())), "winners": len(winners),
            "final_status": final["status"], "final_version": final["version"], "timeline": len(entries),
            "audit": len(audit["entries"]), "agrees": agrees, "seconds": seconds, "load": load,
            "conflicts_with_current": sum(1 for _, s, b in answers if s == 409 and b["current"]["version"] == 2)}


def section(r):
    codes = ", ".join(f"{n} × {code}" for code, n in r["statuses"].items())
    return "\n".join([
        BEGIN, "## 100 concurrent staff changes with one ETag (against `make run`)", "",
        f"`PORT={r['port']} make run` (DynamoDB Local), then `PORT={r['port']} python -m bench.staffrace`: a "
        f"report is made, its ETag read, and {CHANGES} PATCH /v1/staff/reports/{{id}} sent at once over HTTP, each "
        "with that ETag, a new state, a public update and an internal note.", "",
        f"- answers: {codes}; winners: {r['winners']}; every 409 carried the report as it was after the win: "
        f"{r['conflicts_with_current']} of {r['statuses'].get(409, 0)}",
        f"- afterwards: version {r['final_version']}, status {r['final_status']}, {r['timeline']} timeline entries "
        f"(creation and the winner's), {r['audit']} audit entry; timeline agrees with the final state: "
        f"**{'yes' if r['agrees'] else 'NO'}**",
        f"- {r['seconds']:.1f} s for the {CHANGES} requests (load average {r['load']:.1f} on "
        f"{os.cpu_count()} cores when they started)", END])


def main():
    from .env import ROOT
    port = int(os.environ.get("PORT", "8000"))
    result = race(port)
    print(json.dumps(result, indent=1))
    replace_section(ROOT / "docs" / "benchmarks.md", BEGIN, END, section(result))
    return 0 if result["agrees"] and result["winners"] == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
