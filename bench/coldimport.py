"""Cold import: fresh interpreters, each timing its own imports."""
import importlib.util
import json
import statistics
import subprocess
import sys

from .env import ROOT, child_env

RUNS = 15
CHILD = """
import sys, time, json
t = time.perf_counter()
{imports}
s = time.perf_counter() - t
heavy = sorted(m for m in ("botocore", "boto3", "pynamodb", "pygeohash", "PIL", "moto") if m in sys.modules)
print(json.dumps({{"seconds": s, "modules": len(sys.modules), "heavy": heavy}}))
"""


def has_jwt():
    return importlib.util.find_spec("jwt") is not None


def stacks():
    bare = ["chalice.app", "botocore.session", "pynamodb.models"] + (["jwt"] if has_jwt() else [])
    return {
        "app": ["app"],
        "bare": bare,
        # informational: what the first map/report request then imports lazily
        "app_first_request": ["app", "chalicelib.handlers.reports.map", "chalicelib.handlers.reports.create",
                              "chalicelib.storage.reports.report_store", "chalicelib.storage.reports.services",
                              "chalicelib.deps"],
    }


def _once(modules):
    code = CHILD.format(imports="\n".join(f"import {m}" for m in modules))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=child_env(),
                         capture_output=True, text=True, check=True, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(progress, runs=RUNS):
    todo = stacks()
    for modules in todo.values():  # warm .pyc caches and the OS page cache
        _once(modules)
    samples = {name: [] for name in todo}
    info = {}
    for i in range(runs):  # interleaved so drift hits every stack alike
        for name, modules in todo.items():
            result = _once(modules)
            samples[name].append(result["seconds"])
            info[name] = result
        progress(f"  run {i + 1}/{runs}: " + ", ".join(
            f"{n}={samples[n][-1] * 1000:.0f} ms" for n in todo))
    return {name: {"modules": todo[name], "median": statistics.median(s), "min": min(s),
                   "max": max(s), "runs": len(s), "loaded": info[name]["modules"],
                   "heavy": info[name]["heavy"]} for name, s in samples.items()}
