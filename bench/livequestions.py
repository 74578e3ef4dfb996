"""Live questions during a webcast (issue 49, item 4): 2,000 screens watching
one meeting over live chat's WebSocket API, and the time from an officer
pressing "approve" to the question arriving at each screen.

The server side is the app's own: the local stack's WebSocket API
(doorstep_cli/local/sockets.py, speaking as API Gateway's, the app's Lambda
entry points behind it) in a process of its own, as API Gateway is not the
Lambda that posts to it (in the app's process, its reading of each post
shared the app's interpreter, and the p90 was 1,385 ms); the
tables in DynamoDB Local (a Query of 2,000 connections parsed by moto in
this process took 3 s of its interpreter, which DynamoDB does not). Each
screen is a real WebSocket client, all of them in a third process: it opens
WATCHERS connections with ?meeting=<id>, as the chair's and a resident's
screens do, and notes the wall-clock moment each frame arrives. Here, for
each of TRIES questions: the moment before the officer's decision
(live.decide, the route's function: the transaction with its event, then the
effect's first try: the claim, one Query of the meeting's connections, a
post to each through the management API, WORKERS at once), and then every
screen's arrival. Each screen's latency is its arrival less that moment; the
percentiles are over every (question, screen).

*Before*: the same with the posts one after another through botocore (the
fan-out as chat's conversations had it, less the local management API's 40 ms
Nagle wait, now gone: with it a post took 45 ms, 2,000 screens 90 s), for
BEFORE_TRIES questions.

    python -m bench.livequestions   (or python -m bench.run live-questions)
    BENCH_LIVE_WATCHERS=500 for a quicker run.
"""
import asyncio
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .report import replace_section

BEGIN, END = "<!-- live-questions: written by bench.livequestions -->", "<!-- /live-questions -->"
WATCHERS = int(os.environ.get("BENCH_LIVE_WATCHERS", "2000"))
TRIES, BEFORE_TRIES = 10, 3
MEETING, ITEM = "9901", "990102"
CONNECTING_AT_ONCE = 50  # the screens' connects in flight at once (a crowd arriving, not all in one instant)


def main():
    if sys.argv[1:2] == ["--screens"]:
        return asyncio.run(screens(sys.argv[2], int(sys.argv[3])))
    if sys.argv[1:2] == ["--gateway"]:
        return gateway()
    measure_and_write(print)


def measure_and_write(progress):
    """bench.run's `live-questions` section; answers whether it failed."""
    from moto import mock_aws
    from doorstep_cli.local.dynamodb_local import start_on_a_free_port
    from . import env
    env.apply()
    engine = start_on_a_free_port()  # started again elsewhere if its port is taken while it boots
    os.environ["DOORSTEP_DYNAMODB_ENDPOINT"] = engine.url
    try:
        with mock_aws():  # S3; the tables' endpoint is DynamoDB Local, which moto lets through
            env.fresh_storage()
            lines, failed = run(progress)
    finally:
        os.environ.pop("DOORSTEP_DYNAMODB_ENDPOINT", None)
        engine.stop()
    print("\n".join(lines))
    replace_section(env.ROOT / "docs" / "benchmarks.md", BEGIN, END, "\n".join([BEGIN, *lines, END]))
    return failed


def run(progress):
    from app import app
    from chalicelib.auth.principal import Principal
    from chalicelib.deps import default_deps
    from chalicelib.handlers.participation import live
    from chalicelib.notify import sockets as posting
    from . import env
    served = Gateway()
    os.environ.update(DOORSTEP_SOCKET_URL=served.url, DOORSTEP_SOCKET_ENDPOINT=served.api_url)
    screens_process = None
    try:
        deps = default_deps("http://localhost")
        live_meeting(deps)
        resident = dataclasses.replace(deps, principal=Principal(user_id="bench-resident", role="resident"))
        officer = dataclasses.replace(deps, principal=Principal(user_id="bench-officer", role="staff"))
        progress(f"live-questions: {WATCHERS} screens connecting")
        t0 = time.perf_counter()
        screens_process = subprocess.Popen(
            [sys.executable, "-m", "bench.livequestions", "--screens", served.url, str(WATCHERS)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env.child_env(), cwd=env.ROOT)
        ready = json.loads(screens_process.stdout.readline())
        connected = len(deps.sockets.connections(live.watchers(MEETING), deps.clock()))
        connect_s = time.perf_counter() - t0
        progress(f"live-questions: {ready['open']} open ({connected} known to the app) in {connect_s:.1f} s")

        from chalicelib.storage.conversations.sockets import SocketStore
        spent = {"query": [], "posts": []}
        _timed(SocketStore, "connections", spent["query"], lambda args, found: len(found) > 100)
        _timed(posting, "post_all", spent["posts"], lambda args, found: len(found) > 100)  # not the desk's nudge
        from collections import Counter
        posted = Counter()
        poster_cpu = _thread_cpu(posting._Poster, "post", posted)  # the app's own CPU a post: signing, sending, reading

        from chalicelib.storage import metering
        costs = {}

        def approve(n):
            with metering.metered() as meter:
                made, _ = live.send(resident, MEETING, {"question": f"Question {n}: will the homes have parking?"})
            costs.setdefault("send", meter.operations)
            screens_process.stdin.write(f"expect {made['id']}\n")
            screens_process.stdin.flush()
            assert screens_process.stdout.readline().strip() == "ok"
            started = time.time()
            gateway_cpu = served.cpu()
            t, cpu = time.perf_counter(), time.process_time()
            with metering.metered() as meter:
                live.decide(officer, MEETING, made["id"], {"decision": "approve"}, '"1"')
            costs.setdefault("decide", (meter.operations, meter.items))
            request_s = time.perf_counter() - t
            cpus.append(time.process_time() - cpu)
            arrived = json.loads(screens_process.stdout.readline())  # every screen's arrival, or those by the timeout
            gateway_cpus.append(served.cpu() - gateway_cpu)
            return [a - started for a in arrived["times"]], request_s

        after, requests, cpus, gateway_cpus = [], [], [], []
        for n in range(TRIES):
            latencies, request_s = approve(n)
            after.append(sorted(latencies))
            requests.append(request_s)
            progress(f"live-questions: question {n + 1}: {len(latencies)} screens, p90 {_p(latencies, 0.9):.0f} ms")
        query_s, posts_s = statistics.median(spent["query"]), statistics.median(spent["posts"])
        cpu_s = statistics.median(cpus)
        gateway_cpu_s = statistics.median(gateway_cpus)
        post_cpu_s = statistics.median(poster_cpu)
        serial_up_to = posting.SERIAL_UP_TO
        before, before_requests = [], []
        try:
            posting.SERIAL_UP_TO = 10 ** 9  # one after another, as chat's fan-out posted
            for n in range(BEFORE_TRIES):
                latencies, request_s = approve(TRIES + n)
                before.append(sorted(latencies))
                before_requests.append(request_s)
                progress(f"live-questions: before, question {n + 1}: p90 {_p(latencies, 0.9):.0f} ms")
        finally:
            posting.SERIAL_UP_TO = serial_up_to
        screens_process.stdin.write("done\n")
        screens_process.stdin.flush()
        screens_process.wait(120)
        # The screens closed: the app forgets each ($disconnect) before the server and the tables go.
        for _ in range(1200):
            if not deps.sockets.connections(live.watchers(MEETING), deps.clock()):
                break
            time.sleep(0.1)
    finally:
        if screens_process is not None and screens_process.poll() is None:
            screens_process.kill()
        served.close()
        for name in ("DOORSTEP_SOCKET_URL", "DOORSTEP_SOCKET_ENDPOINT"):
            os.environ.pop(name, None)
    every = sorted(x for one in after for x in one)
    missed = sum(WATCHERS - len(one) for one in after)
    every_before = sorted(x for one in before for x in one)
    lines = [
        "## Live questions to 2,000 screens (`python -m bench.livequestions`)", "",
        f"{WATCHERS} WebSocket clients (a process of their own) watching one meeting through the local stack's WebSocket "
        f"API, the app's Lambda entry points behind it, the tables in DynamoDB Local; {connected} connections known to "
        f"the app, opened in {connect_s:.1f} s ({CONNECTING_AT_ONCE} connects in flight at once).", "",
        f"From the officer's approval (live.decide: the transaction with its event, the effect's claim, one Query "
        f"of the meeting's {connected} connections, a post to each through the management API, "
        f"{posting.WORKERS} at once, to the local API Gateway's process) to the question at each screen, over {TRIES} questions x {WATCHERS} screens: "
        f"**p50 {_p(every, 0.5):.0f} ms, p90 {_p(every, 0.9):.0f} ms**, p99 {_p(every, 0.99):.0f} ms, worst "
        f"{every[-1] * 1000:.0f} ms; screens that missed a question within 30 s: {missed}. Each question's p90: "
        f"{', '.join(f'{_p(one, 0.9):.0f}' for one in after)} ms; its last screen: "
        f"{', '.join(f'{one[-1] * 1000:.0f}' for one in after)} ms. The officer's request, fan-out included: "
        f"median {statistics.median(requests) * 1000:.0f} ms, of which the Query of the connections "
        f"{query_s * 1000:.0f} ms and the posts {posts_s * 1000:.0f} ms (medians); the CPU the app spent on one "
        f"approval: {cpu_s * 1000:.0f} ms, {cpu_s / max(connected, 1) * 1000:.2f} ms a screen, of which its own side "
        f"of a post (signing it, sending it, reading the answer) {post_cpu_s * 1000:.2f} ms; the local API "
        f"Gateway's (each post's HTTP request read, its frame written to the screen): {gateway_cpu_s * 1000:.0f} ms, "
        f"{gateway_cpu_s / max(connected, 1) * 1000:.2f} ms a screen (medians).", "",
        f"*Before* (posts one after another through botocore, as chat's fan-out posted, without the 40 ms "
        f"Nagle wait the local management API had, which made a post 45 ms and 2,000 of them 90 s; "
        f"{BEFORE_TRIES} questions): p50 "
        f"{_p(every_before, 0.5):.0f} ms, p90 {_p(every_before, 0.9):.0f} ms, worst "
        f"{every_before[-1] * 1000:.0f} ms; the officer's request {statistics.median(before_requests) * 1000:.0f} ms.",
        "",
        f"DynamoDB calls: sending a question {_calls(costs['send'])}; approving it, its fan-out included, "
        f"{_calls(costs['decide'][0])} ({costs['decide'][1]} items read, the connections among them); "
        f"a post to a screen is no DynamoDB call. The posts' answers: "
        f"{', '.join(f'{n} {outcome}' for outcome, n in sorted(posted.items(), key=str))} (a failed one is posted "
        f"once more).", "",
        "On one machine every post is an HTTP request to the local management API and a send on its one event "
        "loop, the app, the local API Gateway, the screens and DynamoDB Local sharing 2 cores; in AWS each post_to_connection is a call to API "
        "Gateway's management API from the Lambda (single-digit to tens of ms), the same WORKERS at once.",
    ]
    failed = missed > 0 or _p(every, 0.9) > 1000
    return lines, failed


class Gateway:
    """API Gateway's part, the local stack's WebSocket API and management API,
    in a process of its own (as API Gateway is not the Lambda that posts to
    it): `python -m bench.livequestions --gateway` with the app's Lambda entry
    points behind it. It answers "cpu" with the CPU it has spent."""

    def __init__(self):
        from . import env
        self.process = subprocess.Popen([sys.executable, "-m", "bench.livequestions", "--gateway"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        env=env.child_env(), cwd=env.ROOT)
        ready = json.loads(self.process.stdout.readline())
        self.url, self.api_url = ready["url"], ready["api_url"]

    def cpu(self):
        self.process.stdin.write("cpu\n")
        self.process.stdin.flush()
        return float(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait(30)


def gateway():
    from app import app
    from doorstep_cli.local.sockets import LocalSockets, lambda_entries
    served = LocalSockets(lambda_entries(app)).start()
    print(json.dumps({"url": served.url, "api_url": served.api_url}), flush=True)
    for line in sys.stdin:
        if line.strip() == "cpu":
            print(time.process_time(), flush=True)
    served.close()


def _timed(owner, name, into, counts):
    """`owner.name` wrapped to append to `into` the wall time of each call `counts(args, answer)`."""
    inner = getattr(owner, name)

    def timed(*args, **kwargs):
        t = time.perf_counter()
        found = inner(*args, **kwargs)
        if counts(args, found):
            into.append(time.perf_counter() - t)
        return found
    setattr(owner, name, timed)


def _thread_cpu(owner, name, outcomes):
    """`owner.name` wrapped to note the CPU its thread spent in each call (the list it answers) and
    count each call's answer in `outcomes`."""
    inner, spent = getattr(owner, name), []

    def timed(*args, **kwargs):
        t = time.thread_time()
        found = None
        try:
            found = inner(*args, **kwargs)
            return found
        finally:
            spent.append(time.thread_time() - t)
            outcomes[found] += 1
    setattr(owner, name, timed)
    return spent


def _calls(operations):
    from collections import Counter
    return ", ".join(f"{n} {op}" for op, n in sorted(Counter(operations).items()))


def _p(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000 if ordered else float("nan")


def live_meeting(deps, meeting_id=MEETING, item_id=ITEM):
    """A planning meeting tomorrow (London), marked live on its one item now: it takes questions
    until its day ends (the browser test's too)."""
    tomorrow = (datetime.now(ZoneInfo("Europe/London")) + timedelta(days=1)).date()
    deps.democracy.save_meeting({
        "id": meeting_id, "committee_id": "3", "committee_title": "Planning Committee", "date": tomorrow.isoformat(),
        "time": "18:00", "location": "West Offices", "agenda_published": True,
        "items": [{"id": item_id, "number": "4a", "title": "Land at Acomb Road: 40 homes", "text": "", "heading": False,
                   "public_can_speak": True, "is_decision": True, "papers": []}]})
    deps.webcasts.put(meeting_id, [{"item_id": item_id, "at_s": 0}], deps.clock(), 0)


async def screens(url, count):
    """The screens' process: `count` connections watching the meeting. Prints
    {"open": n} once all are open; then, for each `expect <question id>` read,
    "ok", and once every screen has that question (or 30 s have passed) the
    arrival moments, {"times": [...]}; `done` ends it."""
    from websockets.asyncio.client import connect
    arrivals, waiting = {}, {}
    limit = asyncio.Semaphore(CONNECTING_AT_ONCE)

    async def watch(n, opened):
        async with limit:
            socket = await connect(f"{url}/?meeting={MEETING}", open_timeout=60, ping_interval=None,
                                   max_queue=None)
        opened.append(socket)
        async for text in socket:
            now = time.time()
            frame = json.loads(text)
            if frame.get("type") != "live_question":
                continue
            question_id = frame["question"]["id"]
            arrivals.setdefault(question_id, []).append(now)
            if len(arrivals[question_id]) == count and question_id in waiting:
                waiting[question_id].set()

    opened = []
    tasks = [asyncio.create_task(watch(n, opened)) for n in range(count)]
    while len(opened) < count:
        await asyncio.sleep(0.05)
    print(json.dumps({"open": len(opened)}), flush=True)
    loop = asyncio.get_running_loop()
    while True:
        line = (await loop.run_in_executor(None, sys.stdin.readline)).strip()
        if not line or line == "done":
            break
        question_id = line.split()[1]
        waiting[question_id] = asyncio.Event()
        print("ok", flush=True)
        try:
            await asyncio.wait_for(waiting[question_id].wait(), 30)
        except TimeoutError:
            pass
        print(json.dumps({"times": arrivals.get(question_id, [])}), flush=True)
    for socket in opened:
        await socket.close()
    for task in tasks:
        task.cancel()


if __name__ == "__main__":
    main()
