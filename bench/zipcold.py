"""The Lambda zip's cold start, one zip beside another (issues 73 and 78).

`python -m bench.zipcold BEFORE.zip AFTER.zip [RUNS]`: each zip unpacked, then
fresh processes of the runtime's Python (infra/runtime.py; -I -B, writing
nothing, as /var/task is read-only), the two zips' interleaved round by round
so the shared machine's bursts land on both alike. Each process times
`import app`, then a first request through the Lambda handler (GET
/openapi.json, as API Gateway hands it on, from the start of the import), in
wall-clock time and in the process's CPU time (less moved by other work), and
lists the zip's files it opened (an audit hook on `open`). Medians, and the
files one zip opened that the other did not (bytecode in __pycache__/ and
bytecode in its source's place counted as the same module's)."""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 15
CHILD = r"""
import json, sys, time
root = sys.argv[1]
sys.path[:0] = [root]
opened = set()
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].startswith(root + "/"):
        opened.add(args[0][len(root) + 1:])
sys.addaudithook(hook)
t, c = time.perf_counter(), time.process_time()
import app
imported, imported_cpu = time.perf_counter() - t, time.process_time() - c
event = {"resource": "/openapi.json", "path": "/openapi.json", "httpMethod": "GET",
         "headers": {"Host": "localhost"}, "multiValueHeaders": {"Host": ["localhost"]},
         "queryStringParameters": None, "multiValueQueryStringParameters": None, "pathParameters": None,
         "stageVariables": None, "body": None, "isBase64Encoded": False,
         "requestContext": {"resourcePath": "/openapi.json", "httpMethod": "GET", "path": "/openapi.json",
                            "stage": "api", "requestId": "r", "identity": {"sourceIp": "192.0.2.1"}}}
class Context:
    aws_request_id, function_name, memory_limit_in_mb = "r", "api", 1024
    invoked_function_arn = "arn:aws:lambda:eu-west-2:000000000000:function:api"
status = app.app(event, Context())["statusCode"]
print(json.dumps({"import": imported, "request": time.perf_counter() - t, "import_cpu": imported_cpu,
                  "request_cpu": time.process_time() - c, "status": status,
                  "opened": sorted(opened)}))
"""


def _once(python, tree):
    env = {"PATH": os.environ.get("PATH", ""), "AWS_DEFAULT_REGION": "eu-west-2"}
    out = subprocess.run([python, "-I", "-B", "-c", CHILD, str(tree)], capture_output=True, text=True,
                         env=env, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _module(name):
    return re.sub(r"__pycache__/([^/]+)\.cpython-\d+\.pyc$", r"\1.pyc", name)


def run(zips, runs=RUNS, progress=print):
    sys.path.insert(0, str(ROOT))
    from infra import runtime
    python = runtime.interpreter()
    if python is None:
        sys.exit(runtime.missing())
    with tempfile.TemporaryDirectory() as tmp:
        trees = []
        for i, path in enumerate(zips):
            tree = Path(tmp) / str(i)
            with zipfile.ZipFile(path) as z:
                z.extractall(tree)
            trees.append(tree)
        for tree in trees:  # the OS's page cache warmed for each
            _once(python, tree)
        samples = [[] for _ in zips]
        for r in range(runs):
            for i, tree in enumerate(trees):
                samples[i].append(_once(python, tree))
            progress(f"  round {r + 1}/{runs}: " + ", ".join(
                f"{s[-1]['import'] * 1000:.0f}/{s[-1]['request'] * 1000:.0f} ms" for s in samples))
    opened = [{_module(n) for n in s[-1]["opened"]} for s in samples]
    return {"python": python, "load": os.getloadavg(), "zips": [{
        "zip": str(path), "bytes": Path(path).stat().st_size,
        "import_median": statistics.median(x["import"] for x in s),
        "request_median": statistics.median(x["request"] for x in s),
        "import_cpu_median": statistics.median(x["import_cpu"] for x in s),
        "request_cpu_median": statistics.median(x["request_cpu"] for x in s),
        "statuses": sorted({x["status"] for x in s}), "opened": len(s[-1]["opened"]),
        "opened_only_here": sorted(opened[i] - set().union(*(o for j, o in enumerate(opened) if j != i))),
    } for i, (path, s) in enumerate(zip(zips, samples))]}


if __name__ == "__main__":
    args = sys.argv[1:]
    runs = int(args.pop()) if args and args[-1].isdigit() else RUNS
    print(json.dumps(run(args, runs), indent=1))
