"""What the package leaves out of its dependencies, and why.

Each rule removes something the app never loads; the ELF check that runs on
the built zip (infra/elf.py) proves nothing left behind needs what went.
"""
import os
import shutil
import subprocess
from pathlib import Path

from . import elf

# The AWS services the functions call (chalicelib/notify/aws.py, storage/,
# keystore.py); botocore carries models for over 400 (19 MB). A test checks
# the code names no other.
BOTOCORE_SERVICES = {"dynamodb", "s3", "ses", "sns", "secretsmanager", "sqs", "apigatewaymanagementapi"}

# Pillow extension modules nothing imports: AVIF (its codec alone is 4.9 MB and
# needs libstdc++), text drawing (FreeType, HarfBuzz, Brotli, libpng) and Tk.
# Pillow imports each lazily and reports the format or feature as missing.
PILLOW_UNUSED = ("_avif", "_imagingft", "_imagingtk")

# Test suites shipped inside packages, console scripts (they name this
# machine's Python) and pip's own bookkeeping; jsonschema's benchmarks (run by
# pyperf, imported by nothing of theirs or ours), 20 KB.
NEVER_IMPORTED_DIRS = {"tests", "test", "__pycache__", "benchmarks"}

# Type stubs and the marker that a package has types: type checkers read them,
# Python never does (attrs, cryptography's Rust bindings, Pillow...), 34 KB.
TYPING_ONLY = ("*.pyi", "py.typed")

# Code for platforms the Lambda is not: urllib3 imports its Pyodide (browser)
# transport only when sys.platform is "emscripten", 27 KB.
OTHER_PLATFORMS = ("urllib3/contrib/emscripten",)

# Packages that only build: cffi's Python package and pycparser write a cffi
# module's C at build time; cryptography's Rust bindings, built already, load
# the compiled _cffi_backend alone (kept). 440 KB zipped.
BUILD_ONLY_PACKAGES = ("cffi", "pycparser")

# Files no code reads: dateutil's own copy of the zone database backs
# dateutil.tz.gettz, which nothing calls (botocore takes tzutc and tzlocal,
# the app's zones are zoneinfo's, from tzdata), 150 KB; botocore's examples
# feed docstrings only.
UNREAD_FILES = ("dateutil/zoneinfo/dateutil-zoneinfo.tar.gz",)
UNREAD_NAMES = ("examples-1.json",)

# The time zones the code names (every council is in the UK; a test reads them from the code):
# tzdata carries some 600 (240 KB zipped), zoneinfo opens one file per zone asked for.
KEPT_ZONES = {"Europe/London", "UTC"}

# Whose sources the zip keeps beside their bytecode: the app's own and Chalice's
# runtime (every request passes through it), so a traceback shows their lines.
# The dependencies' sources (1.4 MB zipped) go where the runtime's bytecode is
# added (infra/bytecode.py): each of their modules is its .pyc alone, in its
# source's place, which Python loads without a source (bytecode in __pycache__/
# is loaded only beside its source). A cold start and a first request open no
# source (an audit hook on `open`, docs/decisions/house.md, issue 78), and the
# zip is the runtime's CPython's only already (its extension modules are built
# for it). A traceback through a dependency names its file, line and function,
# not the line's text (the release's, named by its .dist-info in the zip).
SOURCES_KEPT = ("app.py", "chalicelib/", "chalice/")


def keeps_source(name):
    """Whether the zip entry `name` (a module's source) stays beside its bytecode."""
    return name.startswith(SOURCES_KEPT)


def trim(root):
    root = Path(root)
    _botocore_models(root)
    for name in PILLOW_UNUSED:
        for path in (root / "PIL").glob(f"{name}.*.so"):
            path.unlink()
    _unreached_libraries(root)
    shutil.rmtree(root / "bin", ignore_errors=True)
    for package in BUILD_ONLY_PACKAGES:  # and its metadata: nothing here says it is installed
        for path in [root / package, *root.glob(f"{package}-*.dist-info")]:
            shutil.rmtree(path, ignore_errors=True)
    for path in UNREAD_FILES:
        (root / path).unlink(missing_ok=True)
    for name in UNREAD_NAMES + TYPING_ONLY:
        for path in root.rglob(name):
            path.unlink()
    for path in OTHER_PLATFORMS:
        shutil.rmtree(root / path, ignore_errors=True)
    _zones(root / "tzdata" / "zoneinfo")
    for folder, dirs, files in os.walk(root):
        for d in [d for d in dirs if d in NEVER_IMPORTED_DIRS]:
            shutil.rmtree(Path(folder) / d)
            dirs.remove(d)
        if folder.endswith(".dist-info") and "RECORD" in files:
            os.unlink(Path(folder) / "RECORD")
    _strip_symbols(root)


def _zones(zoneinfo):
    """Leave tzdata the zones the code names: a zone's file and the packages leading to it."""
    if not zoneinfo.is_dir():
        return
    for path in sorted(zoneinfo.rglob("*"), reverse=True):  # a folder's files before the folder
        name = path.relative_to(zoneinfo).as_posix()
        if path.is_dir():
            if not any(p for p in path.iterdir() if p.name not in ("__init__.py", "__pycache__")):
                shutil.rmtree(path)
        elif path.name != "__init__.py" and name not in KEPT_ZONES:
            path.unlink()


def _botocore_models(root):
    data = root / "botocore" / "data"
    for service in data.iterdir():
        if service.is_dir() and service.name not in BOTOCORE_SERVICES:
            shutil.rmtree(service)


def _unreached_libraries(root):
    """Drop the bundled libraries (<dist>.libs/) that no remaining extension
    module needs, directly or through another bundled library."""
    objects = {so.path: so for so in elf.shared_objects(root)}
    reached, todo = set(), [p for p in objects if not elf.is_bundled(p)]
    while todo:
        so = objects[todo.pop()]
        for name in so.needed:
            where = elf.resolve(root, so, name)
            if where not in (None, "runtime") and where not in reached:
                reached.add(where)
                todo.append(where)
    for path in objects:
        if elf.is_bundled(path) and path not in reached:
            os.unlink(root / path)


def _strip_symbols(root):
    """Debugging symbols are no use on Lambda (cryptography's Rust module
    carries 3 MB of them). Only objects still holding a symbol table are
    touched: the wheels' bundled libraries come stripped already, and
    stripping a library auditwheel has patched can break it."""
    strip = shutil.which("strip")
    if strip is None:
        raise SystemExit("`strip` (binutils) is needed: apt-get install binutils")
    for so in elf.shared_objects(root):
        if not so.stripped and not elf.is_bundled(so.path):
            subprocess.run([strip, "--strip-unneeded", str(root / so.path)], check=True)
