"""The county `make run` starts (doorstep_cli/local/forwarding.start_county)
dies with the process that started it: a stack killed outright (SIGKILL, no
cleanup of ours runs) must not leave the county holding PORT + 10."""
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from doorstep_cli.local.serving import free_port

ROOT = Path(__file__).resolve().parents[2]

# The starter: a moto server for the county's tables, then start_county, as the
# background process calls it; it prints when the county answers, then waits.
STARTER = textwrap.dedent("""
    import os, sys, threading
    from moto.server import ThreadedMotoServer
    server = ThreadedMotoServer("127.0.0.1", 0, verbose=False)
    server.start()
    endpoint = "http://%s:%d" % server.get_host_and_port()
    os.environ.update(DOORSTEP_DYNAMODB_ENDPOINT=endpoint, DOORSTEP_AWS_ENDPOINT=endpoint)
    from pathlib import Path
    from doorstep_cli.local.forwarding import start_county
    start_county(Path(sys.argv[1]), int(sys.argv[2]))
    print("started", flush=True)
    threading.Event().wait()
""")


def answers(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


def children(pid):
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def alive(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"  # a zombie has let go of its port
    except FileNotFoundError:
        return False


def test_the_county_dies_when_the_process_that_started_it_is_killed(tmp_path):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DOORSTEP_DATA_DIR": str(tmp_path),
           "DOORSTEP_COUNTY_KEY": "o311_test-key", "DOORSTEP_COUNTY_PASSWORD": "test-password"}
    starter = subprocess.Popen([sys.executable, "-c", STARTER, str(tmp_path), str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    county = []
    try:
        said = starter.stdout.readline()
        while said.startswith("The county"):  # start_county's own word to the developer
            said = starter.stdout.readline()
        assert said.strip() == "started", (tmp_path / "county.log").read_text()
        assert answers(port)
        county += [pid for pid in children(starter.pid) if b"doorstep_cli.local.county" in
                   Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert len(county) == 1
        starter.send_signal(signal.SIGKILL)
        starter.wait()
        deadline = time.monotonic() + 15
        while alive(county[0]) and time.monotonic() < deadline:
            time.sleep(0.05)
        # A dead county holds no port; once let go the port may be anyone's (a second suite's
        # beside this one), so whether something answers on it says nothing of the county.
        assert not alive(county[0])
    finally:
        if starter.poll() is None:
            starter.kill()
        for pid in county:  # left behind by a failure: not for the next test's ports
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
