"""The Lambda runtime the package is built for, and what it gives a package.

python3.13: like every runtime from python3.12 on it runs on Amazon Linux
2023 (glibc 2.34), so manylinux_2_28 wheels load there: Pillow 13 ships no
older tag, and on the Amazon Linux 2 runtimes (python3.11 and before, glibc
2.26) it had to be compiled on the build host instead. Not the newer
python3.14: the zip carries bytecode compiled by the runtime's own CPython
version (a cold start would otherwise compile every module it imports, about
0.3 s), and 3.13 is the newest this kind of build machine has.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

RUNTIME = "python3.13"
PYTHON_VERSION = "3.13"
ABI = "cp313"
CACHE_TAG = f"cpython-{ABI[2:]}"  # how its bytecode files are named (sys.implementation.cache_tag)
MACHINE = "x86_64"
GLIBC = (2, 34)

# What a shared object in the zip may need without bringing it along: glibc's
# own libraries (2.34 on Amazon Linux 2023), GCC's runtime support library,
# and zlib (manylinux wheels such as Pillow's link the system's copy rather
# than bundling one). Anything else must be in the zip itself.
RUNTIME_LIBRARIES = frozenset({
    "ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6", "libdl.so.2", "librt.so.1",
    "libpthread.so.0", "libutil.so.1", "libresolv.so.2", "libgcc_s.so.1", "libz.so.1",
})


def pip_platforms():
    """pip's --platform values: it treats each literally, so every glibc
    minor up to the runtime's is named (as Chalice's packager does), plus
    the manylinux2014 alias, which brings in manylinux1 and 2010 too."""
    major, minor = GLIBC
    return [f"manylinux_{major}_{m}_{MACHINE}" for m in range(17, minor + 1)] + [f"manylinux2014_{MACHINE}"]


def extension_suffixes():
    """File endings of extension modules this runtime can import."""
    return (f".cpython-{ABI[2:]}-{MACHINE}-linux-gnu.so", ".abi3.so")


def interpreter():
    """A CPython of the runtime's version on this machine (to compile the
    zip's bytecode and to import the zip as the runtime would), or None.
    On PATH, or among pyenv's versions (not on PATH unless selected)."""
    found = [shutil.which(f"python{PYTHON_VERSION}")]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found += sorted(pyenv.glob(f"{PYTHON_VERSION}.*/bin/python{PYTHON_VERSION}"), key=_newest_first)
    # A final release only: a pre-release may write bytecode of another format,
    # which the runtime would pass over and compile from source.
    wanted = f"{tuple(map(int, PYTHON_VERSION.split('.')))} final"
    for candidate in filter(None, found):
        try:  # a pyenv shim is on PATH even where its version is not selected
            out = subprocess.run([str(candidate), "-c", "import sys; print(sys.version_info[:2], sys.version_info[3])"],
                                 capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            continue
        if out.returncode == 0 and out.stdout.strip() == wanted:
            return str(candidate)
    return None


def required():
    """Under CI (CI=true) the runtime's Python is required, not optional: every
    new machine of this project's kind has it (pyenv's 3.13.0), so its absence
    there is a broken machine to hear about, not a test to skip quietly."""
    return os.environ.get("CI") == "true"


def missing():
    """What to say when interpreter() finds none, and how a machine gets one."""
    return (f"No Python {PYTHON_VERSION} (a final release) on this machine: the Lambda zip would carry no bytecode, "
            f"so each cold start compiles what it imports (about 0.3 s), and the zip cannot be run as the runtime "
            f"runs it. A new machine of this project's kind has it (pyenv: ~/.pyenv/versions/{PYTHON_VERSION}.0); "
            f"on Debian 13 and later, `apt-get install python{PYTHON_VERSION}` (make test and make package try "
            f"that); elsewhere put a python{PYTHON_VERSION} on PATH (README, \"The Lambda runtime's Python\").")


def _newest_first(path):
    release = path.parent.parent.name  # pyenv's versions/3.13.1/bin/python3.13
    return [-int(part) if part.isdigit() else 0 for part in release.split(".")]


if __name__ == "__main__":  # `python -m infra.runtime`: the interpreter's path, or why none (exit 1)
    found = interpreter()
    print(found or missing(), file=sys.stdout if found else sys.stderr)
    sys.exit(0 if found else 1)
