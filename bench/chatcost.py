"""Live chat: what the staff queue reads, and how long a message takes to
reach the other side by polling, through the real handlers on moto.

Queue: 20 conversations waiting among 1,000 taken or closed; one officer's
GET /v1/staff/conversations is two Queries (the sparse waiting index, the
officer's own index): the items they read against the items returned.

Round trip by polling: an officer's answer is stored (POST .../answer) at a
random moment; the resident's page polls GET .../messages?after=cursor every
POLL_MS and shows it at the first poll after it was stored. The time from
"Send" to "shown" is the answer's own request, the wait for the next poll
and that poll's request: measured here with real requests through Chalice's
test client, the wait drawn uniformly over the poll interval as a page's
phase is.

Round trip by socket: the same answers with the resident's screen holding a
WebSocket to the local stack's WebSocket API (doorstep_cli/local/sockets.py,
the app's own Lambda entry points behind it), the answer posted to it through
the management API as API Gateway's would be: measured end to end, from the
officer's request starting to the frame arriving at the resident's socket.

    python -m bench.chatcost   (or python -m bench.run chat)
"""
import dataclasses
import random
import statistics
import time
from datetime import timedelta

from .report import replace_section

BEGIN, END = "<!-- chat: written by bench.chatcost -->", "<!-- /chat -->"
WAITING, OTHERS, TRIES, POLL_S = 20, 1000, 60, 2.5


def main():
    measure_and_write(print)


def measure_and_write(progress):
    """bench.run's `chat` section; answers whether it failed (never: a failed check raises)."""
    from moto import mock_aws
    from . import env
    env.apply()
    with mock_aws():
        env.fresh_storage()
        progress("chat: the staff queue and polling")
        lines = run()
        progress("chat: the socket")
        lines += by_socket()
    print("\n".join(lines))
    replace_section(env.ROOT / "docs" / "benchmarks.md", BEGIN, END, "\n".join([BEGIN, *lines, END]))
    return False


def by_socket():
    import json
    import os
    from urllib.parse import urlencode

    from websockets.sync.client import connect

    from app import app
    from chalicelib.auth.principal import Principal
    from chalicelib.deps import default_deps
    from chalicelib.handlers.conversations import desk, resident
    from doorstep_cli.local.sockets import LocalSockets, lambda_entries
    sockets = LocalSockets(lambda_entries(app)).start()
    os.environ.update(DOORSTEP_SOCKET_URL=sockets.url, DOORSTEP_SOCKET_ENDPOINT=sockets.api_url)
    try:
        deps = default_deps("http://localhost")
        officer = dataclasses.replace(deps, principal=Principal(user_id="bench-officer-2", role="staff"))
        started, _ = resident.start(dataclasses.replace(deps, principal=None), {
            "name": "Ada", "email": "ada@example.org", "text": "My bin was missed."})
        desk.take(officer, started["id"])
        answers, trips = [], []
        query = urlencode({"conversation": started["id"], "token": started["token"]})
        with connect(f"{sockets.url}/?{query}") as phone:
            for n in range(TRIES):
                t0 = time.perf_counter()
                desk.answer(officer, started["id"], {"text": f"Live answer {n}"}, None)
                answers.append(time.perf_counter() - t0)
                frame = json.loads(phone.recv(timeout=10))
                trips.append(time.perf_counter() - t0)
                assert frame["message"]["text"] == f"Live answer {n}", frame
    finally:
        sockets.close()
        for name in ("DOORSTEP_SOCKET_URL", "DOORSTEP_SOCKET_ENDPOINT"):
            os.environ.pop(name, None)
    after = sorted(t - a for t, a in zip(trips, answers))  # the push alone, once the answer's request returned
    trips.sort()
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    return [
        f"Round trip by socket (answer stored, the conversation's connections read, posted through the "
        f"management API, the frame at the resident's socket; median of {TRIES}): median "
        f"{ms(statistics.median(trips))}, 90th percentile {ms(trips[int(len(trips) * 0.9)])}, worst {ms(trips[-1])}; "
        f"the answer's request itself, fan-out included, {ms(statistics.median(answers))}. The frame is posted "
        "within that request, so it is at the resident's socket when the request returns: read "
        f"{after[len(after) // 2] * 1000:.1f} ms after it (median; 90th percentile "
        f"{after[int(len(after) * 0.9)] * 1000:.1f} ms), where polling adds on average half its interval.",
    ]


def run():
    from chalicelib.auth.principal import Principal
    from chalicelib.deps import default_deps
    from chalicelib.handlers.conversations import desk, resident
    from chalicelib.storage import metering
    from chalicelib.storage.conversations.conversations import ConversationStore
    from chalicelib.storage.records import Conversation
    deps = default_deps("http://localhost")
    store = ConversationStore()
    now = deps.clock()
    for n in range(OTHERS + WAITING):
        state = "waiting" if n >= OTHERS else ("taken" if n % 2 else "closed")
        store.create(Conversation(id=f"CV-{n:016x}", state=state, created_at=now, updated_at=now,
                                  officer="someone-else" if state == "taken" else None,
                                  waiting_since=now - timedelta(seconds=n) if state == "waiting" else None,
                                  contact={"name": f"Resident {n}"}, context={"screen": "home"}))
    officer = dataclasses.replace(deps, principal=Principal(user_id="bench-officer", role="staff"))
    with metering.metered() as meter:
        answer = desk.queue(officer)
    returned = len(answer["waiting"]) + len(answer["mine"])

    started, _ = resident.start(dataclasses.replace(deps, principal=None), {
        "name": "Ada", "email": "ada@example.org", "text": "My bin was missed."})
    desk.take(officer, started["id"])
    answers, polls, trips = [], [], []
    rng = random.Random(27)
    cursor = resident.messages(deps, started["id"], 0, started["token"])["cursor"]
    for n in range(TRIES):
        t0 = time.perf_counter()
        desk.answer(officer, started["id"], {"text": f"Answer {n}"}, None)
        answers.append(time.perf_counter() - t0)
        t1 = time.perf_counter()
        got = resident.messages(deps, started["id"], cursor, started["token"])
        polls.append(time.perf_counter() - t1)
        assert got["messages"][-1]["text"] == f"Answer {n}"
        cursor = got["cursor"]
        trips.append(answers[-1] + rng.uniform(0, POLL_S) + polls[-1])
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    trips.sort()
    return [
        "## Live chat (`python -m bench.chatcost`)",
        "",
        f"Staff queue with {WAITING} waiting among {OTHERS} taken or closed conversations: "
        f"{meter.queries} Queries read {meter.items} items and return {returned} "
        f"(waiting {len(answer['waiting'])}, the officer's own {len(answer['mine'])}): the sparse index holds "
        "only what waits, so the read does not grow with the table.",
        "",
        f"Requests on moto, in process (median of {TRIES}): an officer's answer {ms(statistics.median(answers))}, "
        f"a poll after the cursor {ms(statistics.median(polls))}.",
        f"Round trip by polling every {POLL_S} s (answer + wait for the next poll + that poll): median "
        f"{ms(statistics.median(trips))}, 90th percentile {ms(trips[int(len(trips) * 0.9)])}, "
        f"worst {ms(trips[-1])}.",
    ]


if __name__ == "__main__":
    main()
