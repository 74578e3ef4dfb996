"""Bytecode in the zip, compiled by the runtime's own CPython version.

Lambda unpacks the zip into a read-only /var/task, so a zip without bytecode
makes every cold start compile each module it imports from source, and keep
none of it: about 0.3 s, most of it botocore (docs/benchmarks.md, first
request). The files are unchecked-hash (PEP 552): loaded without comparing
the source's modification time, which a zip keeps only to two seconds.
Bytecode of any other Python (the build machine's, written while Chalice
imported the app to package it) is dropped: the runtime cannot use it.
The dependencies' modules are their bytecode alone, in their sources' place
(infra/trim.py SOURCES_KEPT says why); the app's and Chalice's keep theirs.
"""
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from . import trim

TASK_ROOT = "/var/task"  # where Lambda unpacks the zip: the paths tracebacks name
# Deflate's highest level: 88 KB smaller than zlib's default 6 for 2.4 s more of the build;
# unpacking costs the same at any level.
LEVEL = 9


def add(zip_path, python, tag):
    """Rewrite the zip with every module compiled by `python` (the runtime's
    version, whose bytecode files are named `tag`, e.g. cpython-313): beside
    its source in __pycache__/ where the source is kept, in the source's place
    where it is not; no other bytecode. Answers how many files were added."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        with zipfile.ZipFile(zip_path) as z:
            z.extractall(tree)
        out = subprocess.run([python, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash",
                              "-d", TASK_ROOT, str(tree)], capture_output=True, text=True)
        if out.returncode:
            raise RuntimeError(f"a module in the zip does not compile on {python}:\n{out.stdout[-2000:]}")
        compiled = {_source(path.relative_to(tree).as_posix(), tag): path
                    for path in tree.rglob(f"__pycache__/*.{tag}.pyc")}
        rewritten = Path(tmp) / "deployment.zip"
        with zipfile.ZipFile(zip_path) as old, zipfile.ZipFile(rewritten, "w") as new:
            for info in old.infolist():  # each entry deflated at LEVEL, whatever it was
                if "__pycache__/" in info.filename or (info.filename in compiled and not trim.keeps_source(info.filename)):
                    continue
                new.writestr(info, old.read(info), compress_type=zipfile.ZIP_DEFLATED, compresslevel=LEVEL)
            for source, path in sorted(compiled.items()):
                name = path.relative_to(tree).as_posix() if trim.keeps_source(source) else source + "c"
                # As Chalice stamps its entries: the same sources make the same zip, readable by all.
                entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                entry.external_attr = 0o100644 << 16
                new.writestr(entry, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=LEVEL)
        shutil.move(rewritten, zip_path)
    return len(compiled)


def _source(name, tag):
    """The source a bytecode file was compiled from: a/__pycache__/b.cpython-313.pyc is a/b.py."""
    folder, _, file = name.rpartition("__pycache__/")
    return folder + file.removesuffix(f".{tag}.pyc") + ".py"
