"""The cold start with 4 and with 40 councils stored, and before councils.

A Lambda's cold start is `import app`, then its first request. Each sample is a new
interpreter (bench/firstrequest.py's child): it imports `app`, then asks for the
middle council's report page twice at its address, against a moto server over HTTP
holding that many councils (bench/councilcost.add_councils). *Before* is `import app`
of main at BEFORE, the commit before the councils work, checked out in a temporary
git worktree and measured the same way; it had no councils to ask for. The samples
interleave round by round, so a burst of other work on the shared machine lands on
each alike."""
import compileall
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .env import ROOT, child_env

BEFORE = "700de341"
RUNS = 9
REPORTS = 20  # each council's, for the cold start: a report page reads one report, whatever the table holds
IMPORT = """
import json, sys, time
t = time.perf_counter()
import app
print(json.dumps({"import": time.perf_counter() - t, "modules": len(sys.modules)}))
"""


@contextlib.contextmanager
def checked_out(commit):
    """`commit` in a temporary git worktree, removed afterwards."""
    where = Path(tempfile.mkdtemp(prefix="doorstep-before-")) / "tree"
    subprocess.run(["git", "worktree", "add", "--detach", str(where), commit], cwd=ROOT, check=True,
                   capture_output=True)
    try:
        yield where
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(where)], cwd=ROOT, check=True,
                       capture_output=True)


def seed(server_env, n, progress):
    """n councils in the server's tables under their own prefix; the middle one's report page."""
    from chalicelib.councils import registry
    from chalicelib.deps import default_deps
    from chalicelib.storage import binding
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.reports.services import clear_cache
    from chalicelib.storage.tables import ensure_tables
    from .councilcost import add_councils, host, middle
    os.environ.update(server_env)
    binding.bind()
    ensure_tables(wait=False)
    BlobStore().ensure_bucket()
    registry.forget()
    clear_cache()
    made = add_councils(default_deps("http://bench"), n, progress, reports=REPORTS)
    return ["GET", f"/v1/reports/{made['reports'][REPORTS // 2]}", None, {"Host": host(middle(n), n)}]


def _import(tree):
    env = {**child_env(), "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", IMPORT], cwd=tree, env=env, capture_output=True, text=True,
                         timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(progress, counts=(4, 40), runs=RUNS):
    from moto.server import ThreadedMotoServer
    from . import firstrequest
    from .motofast import served
    saved = dict(os.environ)
    server = ThreadedMotoServer("127.0.0.1", 0, verbose=False)
    with served(), checked_out(BEFORE) as before:
        server.start()
        try:
            asks = {}
            for n in counts:
                env = firstrequest.server_env(server, f"bench-councils-{n}-")
                asks[n] = (env, seed(env, n, progress))
            for tree in (ROOT, before):  # bytecode, as the Lambda zip carries it
                compileall.compile_dir(tree / "chalicelib", quiet=1)
                compileall.compile_file(tree / "app.py", quiet=1)
            samples = {"before": [], "after": [], **{n: [] for n in counts}}
            for attempt in range(runs + 1):  # the first round warms the page cache, and is dropped
                row = {"before": _import(before), "after": _import(ROOT)}
                row.update({n: firstrequest._child(env, ask, f"198.51.100.{attempt + 1}")
                            for n, (env, ask) in asks.items()})
                if attempt:
                    for name, sample in row.items():
                        if "first" in sample:  # what a cold Lambda pays before its first answer
                            sample["cold"] = sample["counter"] + sample["import"] + sample["first"]
                        samples[name].append(sample)
                progress(f"  cold round {attempt} of {runs}: " + ", ".join(
                    f"{name}: import {s['import'] * 1000:.0f} ms" + (f", first {s['first'] * 1000:.0f} ms"
                                                                     if "first" in s else "")
                    for name, s in row.items()))
        finally:
            server.stop()
            os.environ.clear()
            os.environ.update(saved)
    return {name: {key: statistics.median(s[key] for s in got) for key in got[0] if key != "clients"}
            for name, got in samples.items()}
