"""`make run` again is all a restart needs: a stack.json left by a killed
stack does not hold the data directory when its pid is a zombie not yet
reaped, or a number the kernel has given to another program."""
import json
import subprocess
import sys
import time
from pathlib import Path

from doorstep_cli.local.process_identity import identity
from doorstep_cli.local.stack import STACK_FILE, read_stack


def _write_stack(data_dir: Path, recorded: dict) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / STACK_FILE).write_text(json.dumps({"api_url": "http://127.0.0.1:1", **recorded}))


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def test_a_killed_stack_whose_pid_is_a_zombie_does_not_hold_its_data_directory(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        _write_stack(tmp_path, identity(child.pid))
        assert read_stack(tmp_path) is not None  # running: it holds the directory
        child.kill()
        deadline = time.monotonic() + 10
        while _state(child.pid) != "Z":  # dead, not reaped by us, its parent, yet
            assert time.monotonic() < deadline, "the killed child never became a zombie"
            time.sleep(0.01)
        assert read_stack(tmp_path) is None
    finally:
        child.wait()


def test_a_killed_stack_whose_pid_another_program_now_has_does_not_hold_its_data_directory(tmp_path):
    other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        # The dead stack had this pid earlier: same number, another start time.
        recorded = identity(other.pid)
        _write_stack(tmp_path, {**recorded, "started": recorded["started"] - 1})
        assert read_stack(tmp_path) is None
    finally:
        other.kill()
        other.wait()


def test_a_stack_from_before_a_reboot_does_not_hold_its_data_directory(tmp_path):
    _write_stack(tmp_path, {**identity(), "boot_id": "another-boot"})
    assert read_stack(tmp_path) is None


def test_a_running_stack_holds_its_data_directory(tmp_path):
    _write_stack(tmp_path, identity())
    assert read_stack(tmp_path)["api_url"] == "http://127.0.0.1:1"
