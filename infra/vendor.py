"""The runtime dependencies as the Lambda runtime needs them: wheels for its
platform and Python only (never compiled on this machine), then trimmed of
what the app never loads.

The result is kept under build/ by a hash of its inputs, so a second
`make package` (or test session) with the same requirements reuses it.
"""
import fcntl
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from . import runtime, trim

ROOT = Path(__file__).resolve().parent.parent


def vendored(requirements=ROOT / "requirements.txt", build=ROOT / "build", python_version=runtime.PYTHON_VERSION):
    """A directory holding every runtime dependency, ready to zip.

    `python_version` other than the runtime's builds the same set, trimmed
    the same way, for another Python (tests import it on this machine)."""
    key = hashlib.sha256(b"".join(p.read_bytes() for p in (
        requirements, Path(runtime.__file__), Path(trim.__file__), Path(__file__)))).hexdigest()[:12]
    target = build / f"vendor-py{python_version}-{key}"
    build.mkdir(parents=True, exist_ok=True)
    with open(build / ".vendor.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time (test workers, make package)
        if not (target / ".complete").exists():
            _build(requirements, build / f"pure-wheels-{key}", target, python_version)
    return target


def _build(requirements, pure, target, python_version):
    shutil.rmtree(target, ignore_errors=True)
    if not (pure / ".complete").exists():  # the runtime's set and the tests' set share them (built by this Python)
        _pure_wheels(requirements, pure)
    _pip("install", "--target", str(target), "--no-compile", "--only-binary=:all:",
         "--implementation", "cp", "--python-version", python_version,
         *[arg for p in runtime.pip_platforms() for arg in ("--platform", p)],
         "--find-links", str(pure), "-r", str(requirements))
    trim.trim(target)
    (target / ".complete").write_text("")


def _pure_wheels(requirements, out):
    """Wheels for packages published only as source (http-ece is one).

    Built here, for this machine; only those that come out pure Python
    (py3-none-any) are kept, so a compiled package can never slip into the
    zip: without a wheel for the runtime's platform, the install fails."""
    shutil.rmtree(out, ignore_errors=True)
    _pip("wheel", "--wheel-dir", str(out), "-r", str(requirements))
    for wheel in out.glob("*.whl"):
        if not wheel.name.endswith("-none-any.whl"):
            wheel.unlink()
    (out / ".complete").write_text("")


def _pip(*args):
    subprocess.run([sys.executable, "-m", "pip", "--quiet", *args], check=True)
