"""The runtime dependencies as the Lambda runtime needs them: wheels for its
platform and Python only (never compiled on this machine), then trimmed of
what the app never loads.

The result is kept under build/ by a hash of its inputs, so a second
`make package` (or test session) with the same requirements reuses it.
"""
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from . import runtime, trim

ROOT = Path(__file__).resolve().parent.parent


def vendored(requirements=ROOT / "requirements.txt", build=ROOT / "build"):
    """A directory holding every runtime dependency, ready to zip."""
    key = hashlib.sha256(b"".join(p.read_bytes() for p in (
        requirements, Path(runtime.__file__), Path(trim.__file__), Path(__file__)))).hexdigest()[:12]
    target = build / f"vendor-{runtime.ABI}-{key}"
    if (target / ".complete").exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    pure = build / "pure-wheels"
    _pure_wheels(requirements, pure)
    _pip("install", "--target", str(target), "--no-compile", "--only-binary=:all:",
         "--implementation", "cp", "--python-version", runtime.PYTHON_VERSION,
         *[arg for p in runtime.pip_platforms() for arg in ("--platform", p)],
         "--find-links", str(pure), "-r", str(requirements))
    trim.trim(target)
    (target / ".complete").write_text("")
    return target


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


def _pip(*args):
    subprocess.run([sys.executable, "-m", "pip", "--quiet", *args], check=True)
