"""`make bench-run-start` (issue 78): `make run`'s start-up and first requests with the demo's 4
councils and with 400 (every UK council is about 380).

Two data directories in a temporary folder. Each is started fresh once (`doorstep serve`, the
way `make run` runs it, with PORT=0: every server a port of its own, read back from stack.json)
and stopped with SIGINT; while the second one runs, 396 councils are added to its DynamoDB Local
as `doorstep councils add` adds one (settings.write: settings, addresses and extent), each with
the demo's categories (bench/councilcost.py's add_councils, no reports). Then the 4-council and
the 400-council directories are started again alternately, ROUNDS times each (warm starts, as
every `make run` after the first), and for each start:

- *ready*: the stack's own "ready in X s", and the seconds from launch to that line;
- *RSS* after ready: the API's process (`doorstep serve`), the background process (queues,
  stream, schedules) and the whole process tree (DynamoDB Local's JVM, the county among it);
- the first request after ready, then a second, for the home page's data (`GET /v1/council`,
  the first thing web/js/council.js asks) at York (the default council, Host localhost) and
  at another council (its Host header: North Lanarkshire with 4, a bench council with 400):
  milliseconds and Server-Timing's DynamoDB queries and items;
- each schedule's first turn over every council (background.log's "first turn over N
  councils in S s", doorstep_cli/local/schedules.py), and when the last one ended after ready.

The load average (`uptime`) is noted at each start: the machine may be shared.

    python -m bench.runstart      (make bench-run-start; BENCH_RUN_ROUNDS=3, BENCH_RUN_COUNCILS=396)
"""
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import env

BEGIN, END = "<!-- run-start: written by bench.runstart -->", "<!-- /run-start -->"
ROUNDS = int(os.environ.get("BENCH_RUN_ROUNDS") or 3)
ADDED = int(os.environ.get("BENCH_RUN_COUNCILS") or 396)  # beside the demo's 4
READY_WAIT_S, TURNS_WAIT_S = 600, 600
FEW_S = 3.0  # "start-up grows by no more than a few seconds"
READY = re.compile(r"ready in ([\d.]+) s\)")
TURN = re.compile(r"(\w+): first turn over (\d+) councils in ([\d.]+) s")
TIMING = re.compile(r'queries=(\d+) items=(\d+)')
PORT_VARIABLES = re.compile(r"^(PORT|DOORSTEP_\w+_PORT)$")


def child_env(data_dir):
    """The bench's environment without the tests' settings or any fixed port: PORT=0, and the two
    servers that would otherwise take a neighbour of the API's port (the work queues at +4, the county
    at +10) a port of their own too."""
    from doorstep_cli.local.serving import free_port
    child = {k: v for k, v in os.environ.items()
             if k not in env.TEST_ENV and k not in env.UNSET and not PORT_VARIABLES.match(k)}
    return {**child, "DOORSTEP_DATA_DIR": str(data_dir), "PORT": "0", "DOORSTEP_QUEUE_PORT": "0",
            # the county's port is read as given (0 would be taken literally as its address): one free now
            "DOORSTEP_COUNTY_PORT": str(free_port()), "PYTHONPATH": str(env.ROOT)}


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def rss_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree(pid):
    """{pid: (command, rss kB)} for pid and every process below it."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            ppid = int(text.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            pass
    found, todo = {}, [pid]
    while todo:
        p = todo.pop()
        try:
            command = Path(f"/proc/{p}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        found[p] = (command, rss_kb(p))
        todo += children.get(p, [])
    return found


class Start:
    """One `doorstep serve` on a data directory, as `make run` runs it."""

    def __init__(self, data_dir, log):
        self.data_dir, self.log = Path(data_dir), Path(log)
        self.process = None

    def launch(self):
        self.log.write_text("")
        background = self.data_dir / "background.log"  # appended to by every start: this one's lines are after
        self.background_from = background.stat().st_size if background.exists() else 0
        out = open(self.log, "ab")
        self.launched = time.monotonic()
        self.process = subprocess.Popen([sys.executable, "-m", "doorstep_cli.main", "serve"], cwd=env.ROOT,
                                        env=child_env(self.data_dir), stdout=out, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        out.close()
        while time.monotonic() - self.launched < READY_WAIT_S:
            found = READY.search(self.log.read_text(errors="replace"))
            if found:
                self.ready_at = time.monotonic()
                self.stack = json.loads((self.data_dir / "stack.json").read_text())
                self.port = int(self.stack["api_url"].rsplit(":", 1)[1])
                return float(found.group(1)), self.ready_at - self.launched
            if self.process.poll() is not None:
                raise RuntimeError(f"doorstep serve exited; see {self.log}")
            time.sleep(0.05)
        raise RuntimeError(f"doorstep serve not ready in {READY_WAIT_S} s; see {self.log}")

    def get(self, path, host):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            began = time.perf_counter()
            conn.request("GET", path, headers={"Host": f"{host}:{self.port}", "Accept": "application/json"})
            answer = conn.getresponse()
            answer.read()
            seconds = time.perf_counter() - began
        finally:
            conn.close()
        if answer.status != 200:
            raise RuntimeError(f"GET {path} at {host}: {answer.status}")
        queries, items = map(int, TIMING.search(answer.getheader("Server-Timing") or "").groups())
        return {"ms": seconds * 1000, "queries": queries, "items": items}

    def turns(self, schedules):
        """{schedule: (councils, seconds)} once every schedule said its first turn, and when the last
        line came after ready (seconds, to the bench's poll)."""
        log, seen = self.data_dir / "background.log", {}
        while time.monotonic() - self.ready_at < TURNS_WAIT_S:
            text = log.read_bytes()[self.background_from:].decode(errors="replace") if log.exists() else ""
            seen = {m.group(1): (int(m.group(2)), float(m.group(3))) for m in TURN.finditer(text)}
            if len(seen) >= schedules:
                return seen, time.monotonic() - self.ready_at
            time.sleep(0.5)
        return seen, None

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        began = time.monotonic()
        self.process.wait(120)
        return time.monotonic() - began


def measure(data_dir, log, other_host, councils, progress):
    from doorstep_cli.local.schedules import SCHEDULES
    row = {"councils": councils, "uptime": uptime(), "load": os.getloadavg()[0]}
    start = Start(data_dir, log)
    row["ready"], row["launch_to_ready"] = start.launch()
    try:
        processes = tree(start.process.pid)
        row["rss_api"] = rss_kb(start.process.pid)
        row["rss_background"] = sum(kb for command, kb in processes.values()
                                    if "doorstep_cli.local.background" in command)
        row["rss_tree"] = sum(kb for _, kb in processes.values())
        row["york_first"] = start.get("/v1/council", "localhost")
        row["other_first"] = start.get("/v1/council", other_host)
        row["york_second"] = start.get("/v1/council", "localhost")
        row["other_second"] = start.get("/v1/council", other_host)
        row["turns"], row["turns_done_after_ready"] = start.turns(len(SCHEDULES))
    finally:
        row["stop_s"] = start.stop()
    slowest = max(row["turns"].items(), key=lambda kv: kv[1][1]) if row["turns"] else ("-", (0, 0))
    progress(f"  {councils} councils: ready in {row['ready']:.1f} s ({row['launch_to_ready']:.1f} s from launch), "
             f"API RSS {row['rss_api'] / 1024:.0f} MB, tree {row['rss_tree'] / 1024:.0f} MB; /v1/council first "
             f"{row['york_first']['ms']:.0f} ms at York, {row['other_first']['ms']:.0f} ms at {other_host}; "
             f"schedules' first turns {len(row['turns'])}, slowest {slowest[0]} {slowest[1][1]:.1f} s over "
             f"{slowest[1][0]} councils, all done {row['turns_done_after_ready']} s after ready; "
             f"stopped in {row['stop_s']:.1f} s; {row['uptime']}")
    return row


def seed(stack, n, progress):
    """n councils into the running stack's DynamoDB Local, as `doorstep councils add` adds each."""
    from .councilcost import add_councils
    saved = dict(os.environ)
    os.environ.update({"DOORSTEP_DYNAMODB_ENDPOINT": stack["dynamodb_url"], "DOORSTEP_AWS_ENDPOINT":
                       stack["emulator_url"], "DOORSTEP_STAGE": "local", "DOORSTEP_TABLE_PREFIX": "doorstep-local-",
                       "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local"})
    from chalicelib.storage import binding
    try:
        binding.bind()
        from chalicelib.deps import default_deps
        began = time.monotonic()
        add_councils(default_deps(base_url="http://bench"), n, progress, reports=0)
        return time.monotonic() - began
    finally:
        os.environ.clear()
        os.environ.update(saved)
        binding.bind()


def run(progress=print):
    from .councilcost import council_id, middle
    rows = []
    with tempfile.TemporaryDirectory(prefix="doorstep-runstart-") as root:
        small, large = Path(root) / "four" / "data", Path(root) / "many" / "data"
        fresh = {}
        for name, folder in (("four", small), ("many", large)):
            folder.mkdir(parents=True)
            start = Start(folder, folder.parent / "serve.log")
            load = uptime()
            ready, launched = start.launch()
            fresh[name] = {"ready": ready, "launch_to_ready": launched, "uptime": load}
            progress(f"  fresh start of {name}: ready in {ready:.1f} s; {load}")
            try:
                if folder is large:
                    fresh["seed_s"] = seed(start.stack, ADDED, progress)
                    progress(f"  {ADDED} councils added in {fresh['seed_s']:.0f} s")
            finally:
                start.stop()
        bench_host = f"{council_id(middle(ADDED), ADDED)}.bench.localhost"
        for round_ in range(ROUNDS):
            rows.append(measure(small, small.parent / "serve.log", "northlanarkshire.localhost", 4, progress))
            rows.append(measure(large, large.parent / "serve.log", bench_host, 4 + ADDED, progress))
    return fresh, rows


def _median(rows, get):
    values = [get(r) for r in rows]
    return statistics.median(values), min(values), max(values)


def section(fresh, rows):
    from . import report
    sizes = sorted({r["councils"] for r in rows})
    by = {n: [r for r in rows if r["councils"] == n] for n in sizes}

    def spread(n, get, fmt="{:.1f}"):
        m, lo, hi = _median(by[n], get)
        return f"{fmt.format(m)} ({fmt.format(lo)}–{fmt.format(hi)})"

    def timing(n, key):
        first = by[n][0][key]
        same = all((r[key]["queries"], r[key]["items"]) == (first["queries"], first["items"]) for r in by[n])
        calls = f"{first['queries']} / {first['items']}" + ("" if same else " (varied)")
        return f"{spread(n, lambda r: r[key]['ms'], '{:.0f}')} ms, {calls}"

    def slowest(r):
        return max((s for _, s in r["turns"].values()), default=0.0)

    def turn(n, name):
        return spread(n, lambda r: r["turns"].get(name, (0, float("nan")))[1], "{:.2f}")

    small, large = sizes[0], sizes[-1]
    lines = [BEGIN, f"## `make run` with {small} and {large} councils: start-up, memory, first requests and the "
             "schedules' first turn (issue 78)", "",
             "`make bench-run-start` (`bench/runstart.py`). Two data directories in a temporary folder, each "
             "started fresh once by `doorstep serve` (as `make run` runs it; `PORT=0`, so every server has a port "
             "of its own, read back from `stack.json`) and stopped with SIGINT; while the second ran, "
             f"{large - small} councils were added to its DynamoDB Local as `doorstep councils add` adds one "
             "(`settings.write`: settings, addresses, extent; bench/councilcost.py's documents) with the demo's "
             f"categories and no reports ({fresh['seed_s']:.0f} s). Then the two were started again alternately, "
             f"{len(by[small])} times each (the warm start every `make run` after the first is). After the stack's "
             "ready line: the process tree's memory, the first and second `GET /v1/council` (what the home page "
             "asks first, web/js/council.js) at York (the default council) and at another council by its `Host` "
             f"(North Lanarkshire with {small}, a bench council with {large}), and each of the 17 schedules' first "
             "turn over every council (its thread's, doorstep_cli/local/schedules.py, from background.log). "
             "Medians, with the lowest and highest in brackets.", "",
             f"Fresh starts (the tables made and the demo loaded): {fresh['four']['ready']:.1f} s and "
             f"{fresh['many']['ready']:.1f} s.", ""]
    rows_out = [
        ["ready (the stack's \"ready in\")", spread(small, lambda r: r["ready"]) + " s",
         spread(large, lambda r: r["ready"]) + " s"],
        ["launch to the ready line", spread(small, lambda r: r["launch_to_ready"]) + " s",
         spread(large, lambda r: r["launch_to_ready"]) + " s"],
        ["RSS, the API's process", spread(small, lambda r: r["rss_api"] / 1024, "{:.0f}") + " MB",
         spread(large, lambda r: r["rss_api"] / 1024, "{:.0f}") + " MB"],
        ["RSS, the background process", spread(small, lambda r: r["rss_background"] / 1024, "{:.0f}") + " MB",
         spread(large, lambda r: r["rss_background"] / 1024, "{:.0f}") + " MB"],
        ["RSS, every process of the stack", spread(small, lambda r: r["rss_tree"] / 1024, "{:.0f}") + " MB",
         spread(large, lambda r: r["rss_tree"] / 1024, "{:.0f}") + " MB"],
        ["York's `/v1/council`, first (ms, queries / items)", timing(small, "york_first"), timing(large, "york_first")],
        ["York's, second", timing(small, "york_second"), timing(large, "york_second")],
        ["the other council's `/v1/council`, first", timing(small, "other_first"), timing(large, "other_first")],
        ["the other council's, second", timing(small, "other_second"), timing(large, "other_second")],
        ["`forward_reports`' first turn (s)", turn(small, "forward_reports"), turn(large, "forward_reports")],
        ["`sync_meetings`' first turn (s)", turn(small, "sync_meetings"), turn(large, "sync_meetings")],
        ["`sync_planning`' first turn (s)", turn(small, "sync_planning"), turn(large, "sync_planning")],
        ["the slowest schedule's first turn (s)", spread(small, slowest, "{:.2f}"), spread(large, slowest, "{:.2f}")],
        ["every first turn done, after ready (s)",
         spread(small, lambda r: r["turns_done_after_ready"] or float("nan")),
         spread(large, lambda r: r["turns_done_after_ready"] or float("nan"))],
        ["stopped by SIGINT in", spread(small, lambda r: r["stop_s"]) + " s", spread(large, lambda r: r["stop_s"]) + " s"],
    ]
    lines += [report.table(["", f"{small} councils", f"{large} councils"], rows_out), ""]
    lines += ["Each start's load average (1, 5, 15 min) in order: " + "; ".join(
        f"{r['councils']}: {r['uptime'].split('load average:')[-1].strip()}" for r in rows) + ". A 2-core "
        "machine shared with other work: seconds move from run to run, and only the two columns' difference "
        "within one run means much."]
    lines += ["", "Each start in order (councils: ready in s, the slowest first turn in s): " + "; ".join(
        f"{r['councils']}: {r['ready']:.1f}, {slowest(r):.1f}" for r in rows) + "."]
    lines += ["", verdict(by, small, large), END]
    return "\n".join(lines)


def verdict(by, small, large):
    """A resident sees no difference (each first request reads what it reads with the demo's councils, and
    forwarding's first turn ends within its minute) and the start grows by no more than a few seconds."""
    grew = statistics.median(r["ready"] for r in by[large]) - statistics.median(r["ready"] for r in by[small])
    reads = lambda n, key: {(r[key]["queries"], r[key]["items"]) for r in by[n]}  # noqa: E731
    same = all(max(q for q, _ in reads(large, key)) <= max(q for q, _ in reads(small, key)) and
               max(i for _, i in reads(large, key)) <= max(i for _, i in reads(small, key)) + 1
               for key in ("york_first", "other_first", "york_second", "other_second"))
    forwarding = max(r["turns"].get("forward_reports", (0, 1e9))[1] for r in by[large])
    name, longest = max(((n, s) for r in by[large] for n, (_, s) in r["turns"].items()), key=lambda t: t[1])
    ok = grew <= FEW_S and same and forwarding < 60 and longest < 60
    return (f"Start-up grew by {grew:+.1f} s (median to median; at most {FEW_S:.0f} s allowed), the first requests "
            f"read {'no more' if same else 'more'} with {large} councils than with {small}, forwarding's "
            f"first turn over {large} councils took at most {forwarding:.1f} s and the longest first turn was "
            f"{name}'s, {longest:.1f} s (each schedule's period is 60 s): {'**PASS**' if ok else '**FAIL**'}.")


def main():
    began = time.perf_counter()
    progress = lambda m: print(f"[{time.perf_counter() - began:6.1f}s] {m}", flush=True)  # noqa: E731
    fresh, rows = run(progress)
    out = Path(os.environ.get("BENCH_RUN_JSON") or (Path(tempfile.gettempdir()) / "runstart.json"))
    out.write_text(json.dumps({"fresh": fresh, "rows": rows}, indent=1, default=str))
    progress(f"figures in {out}")
    from . import report
    doc = env.ROOT / "docs" / "benchmarks.md"
    report.replace_section(doc, BEGIN, END, section(fresh, rows))
    progress(f"wrote the run-start section of {doc.relative_to(env.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
