"""Bytecode in the zip, compiled by the runtime's own CPython version.

Lambda unpacks the zip into a read-only /var/task, so a zip without bytecode
makes every cold start compile each module it imports from source, and keep
none of it: about 0.5 s, most of it botocore (docs/benchmarks.md, first
request). The files are unchecked-hash (PEP 552): loaded without comparing
the source's modification time, which a zip keeps only to two seconds.
"""
import subprocess
import tempfile
import zipfile
from pathlib import Path

TASK_ROOT = "/var/task"  # where Lambda unpacks the zip: the paths tracebacks name


def add(zip_path, python):
    """Compile every module in the zip with `python` (the runtime's version)
    and add the bytecode beside its source; answers how many files."""
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(zip_path) as z:
            z.extractall(tmp)
        out = subprocess.run([python, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash",
                              "-d", TASK_ROOT, tmp], capture_output=True, text=True)
        if out.returncode:
            raise RuntimeError(f"a module in the zip does not compile on {python}:\n{out.stdout[-2000:]}")
        compiled = sorted(Path(tmp).rglob("__pycache__/*.pyc"))
        with zipfile.ZipFile(zip_path, "a", zipfile.ZIP_DEFLATED) as z:
            for path in compiled:
                z.write(path, path.relative_to(tmp).as_posix())
    return len(compiled)
