"""The Lambda zip: small, built for the runtime, and loadable there."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.infra_support import of_type, package, runtime_python, template, unzipped  # noqa: F401  (fixtures)
from infra import elf, runtime, trim
from infra.package import MAX_ZIP_BYTES

pytestmark = pytest.mark.xdist_group("package")

ROOT = Path(__file__).resolve().parents[2]


def test_the_zip_is_at_most_16_mb(package):
    assert package[0].stat().st_size <= MAX_ZIP_BYTES == 16_000_000


def test_the_zip_leaves_out_what_only_builds_types_or_documents_its_dependencies(unzipped):
    # cffi's Python package and pycparser write cffi modules at build time; cryptography's Rust
    # bindings load the compiled _cffi_backend alone. dateutil's zone tarball backs a gettz no
    # code calls (the app's zones are zoneinfo's, from tzdata). botocore's examples feed docstrings.
    for package in ("cffi", "pycparser"):
        assert not (unzipped / package).exists() and not list(unzipped.glob(f"{package}-*.dist-info"))
    assert any(unzipped.glob("_cffi_backend.*.so"))
    assert not (unzipped / "dateutil" / "zoneinfo" / "dateutil-zoneinfo.tar.gz").exists()
    assert not list((unzipped / "botocore" / "data").rglob("examples-1.json"))
    # Type stubs are for type checkers; jsonschema's benchmarks run under pyperf; urllib3's
    # Pyodide transport is imported only in a browser.
    assert not [p for pattern in ("*.pyi", "py.typed") for p in unzipped.rglob(pattern)]
    assert not (unzipped / "jsonschema" / "benchmarks").exists()
    assert not (unzipped / "urllib3" / "contrib" / "emscripten").exists()
    assert (unzipped / "jsonschema" / "__init__.pyc").exists() and (unzipped / "urllib3" / "__init__.pyc").exists()


def test_every_shared_object_in_the_zip_loads_on_the_runtime(unzipped):
    objects = {so.path for so in elf.shared_objects(unzipped)}
    assert elf.problems(unzipped) == []
    # ...and the check had something to check: Pillow's codecs and cryptography.
    suffix = runtime.extension_suffixes()[0]
    for module in ("PIL/_imaging", "PIL/_webp", "PIL/_imagingcms"):
        assert f"{module}{suffix}" in objects
    assert "cryptography/hazmat/bindings/_rust.abi3.so" in objects
    assert any(p.startswith("pillow.libs/libjpeg") for p in objects)


def test_the_check_refuses_an_extension_built_on_this_machine(tmp_path):
    # The machine's own _ssl module: built for this Python, linked to libssl.
    import _ssl
    built_here = Path(_ssl.__file__)
    shutil.copy(built_here, tmp_path / built_here.name)
    found = elf.problems(tmp_path)
    assert any("needs libssl.so" in p for p in found)
    assert any("an extension module for another Python" in p for p in found)


def test_the_zip_keeps_only_the_botocore_models_the_code_calls(unzipped):
    kept = {p.name for p in (unzipped / "botocore" / "data").iterdir() if p.is_dir()}
    assert kept == trim.BOTOCORE_SERVICES
    called = {"dynamodb"}  # through PynamoDB
    for path in (ROOT / "chalicelib").rglob("*.py"):
        called |= set(re.findall(r'(?:create_client|aws\.client)\(\s*"([a-z0-9-]+)"', path.read_text()))
    assert called == trim.BOTOCORE_SERVICES


def test_the_zip_keeps_only_the_time_zones_the_code_names(unzipped):
    zoneinfo = unzipped / "tzdata" / "zoneinfo"
    kept = {p.relative_to(zoneinfo).as_posix() for p in zoneinfo.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc")}
    assert kept == trim.KEPT_ZONES
    named = set()
    for path in (ROOT / "chalicelib").rglob("*.py"):
        text = path.read_text()
        named |= set(re.findall(r'ZoneInfo\(\s*"([A-Za-z_/]+)"', text))
        named |= set(re.findall(r'^(?:TIMEZONE|ZONE) = "([A-Za-z_/]+)"', text, re.M))
    assert named == trim.KEPT_ZONES


def test_the_zip_holds_the_app_and_its_functions_run_on_the_runtime(unzipped, template):
    assert (unzipped / "app.py").exists() and (unzipped / "chalicelib" / "storage" / "schema.py").exists()
    assert not list((unzipped / "chalicelib").rglob("fixtures"))  # vendors' saved pages are for the tests
    functions = [r for r in template["Resources"].values() if r["Type"] == "AWS::Serverless::Function"]
    # The API, the stream's dispatcher, the alert worker, the nightly export, the hourly questionnaires,
    # the sender of reports to other bodies and its every-minute sweep, the payments' settling every 5 minutes,
    # the hourly closing of petitions, live chat's WebSocket connect, message and disconnect, and the
    # council tax requests waiting for the back office, every 5 minutes, the nightly retention sweep (reports, unused
    # accounts, and the forms' and consultations' own sweeps folded into it: one function, not a second) and the
    # appointments' reminders,
    # the committee system's sync every 15 minutes, the planning register's sync every hour, and the
    # sockets' $connect authoriser (which council a socket is for), and the nightly suspension of officers
    # unused for their council's period (a role of its own: it touches accounts).
    assert len(functions) == 20
    assert {f["Properties"]["Runtime"] for f in functions} == {runtime.RUNTIME}


SMOKE = r"""
import io, sys
sys.path[:0] = sys.argv[1:]
import app  # what every cold start does
from PIL import Image, ImageCms, features
for fmt in ("JPEG", "PNG", "WEBP"):
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, fmt)
    assert Image.open(io.BytesIO(out.getvalue())).convert("RGB").getpixel((4, 4))[0] > 200, fmt
assert features.check("littlecms2")
ImageCms.createProfile("sRGB")
import botocore.session
for service in SERVICES:  # every model the zip keeps: each client builds from it
    botocore.session.get_session().create_client(service, region_name="eu-west-2",
                                                 aws_access_key_id="x", aws_secret_access_key="x")
import jwt, py_vapid, http_ece, geopy.geocoders, pygeohash, pynamodb.models, zoneinfo
zoneinfo.ZoneInfo("Europe/London")  # from the vendored tzdata when the runtime has no zone files
# What the app asks of cryptography: a push's VAPID token and aes128gcm body, an ES256 token.
from cryptography.hazmat.primitives.asymmetric import ec
key = ec.generate_private_key(ec.SECP256R1())
token = jwt.encode({"sub": "x"}, key, algorithm="ES256")
assert jwt.decode(token, key.public_key(), algorithms=["ES256"]) == {"sub": "x"}
assert http_ece.decrypt(http_ece.encrypt(b"hello", private_key=key, dh=key.public_key(), auth_secret=b"a" * 16,
                                         version="aes128gcm"), private_key=key, auth_secret=b"a" * 16,
                        version="aes128gcm") == b"hello"
from cryptography.hazmat.primitives import serialization
pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
assert py_vapid.Vapid02.from_pem(pem).sign({"sub": "mailto:x@example.org", "aud": "https://push.example.net"})
assert "cffi" not in sys.modules and "pycparser" not in sys.modules
# A form's definition and a council's settings are checked by jsonschema; the figures' report is pydyf's PDF.
from jsonschema import Draft202012Validator
assert [e.message for e in Draft202012Validator({"type": "object", "required": ["a"]}).iter_errors({})]
import pydyf
assert pydyf.PDF() and pydyf.String("x")
print("ok")
""".replace("SERVICES", repr(sorted(trim.BOTOCORE_SERVICES)))


def test_the_trimmed_dependencies_still_do_what_the_app_asks_of_them(tmp_path):
    """The same requirements, trimmed by the same rules, built for this
    machine's Python (the runtime's own cannot run here): the app imports,
    Pillow round-trips JPEG, PNG and WebP, every kept AWS client builds."""
    from infra.vendor import vendored
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    deps = vendored(python_version=here)
    chalice_runtime = tmp_path / "chalice"  # what Chalice adds to every zip
    chalice_runtime.mkdir()
    import chalice
    for name in ("__init__.py", "app.py"):
        shutil.copy(Path(chalice.__file__).parent / name, chalice_runtime / name)
    result = subprocess.run([sys.executable, "-I", "-S", "-c", SMOKE, str(ROOT), str(tmp_path), str(deps)],
                            capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "ok", result.stderr


# Counts the modules compiled from source while the smoke test runs.
COMPILED_COUNTER = r"""
from importlib import _bootstrap_external
compiled = []
_to_code = _bootstrap_external.SourceLoader.source_to_code
def _counting(self, data, path, *args, **kwargs):
    compiled.append(path)
    return _to_code(self, data, path, *args, **kwargs)
_bootstrap_external.SourceLoader.source_to_code = _counting
"""


def test_the_zip_runs_on_the_runtimes_python_and_compiles_no_module_on_a_cold_start(unzipped):
    """The zip itself, on the runtime's CPython version, writing nothing (as
    /var/task is read-only): the app, Pillow and every AWS client load, the
    handlers of a first report too, and none of it is compiled from source."""
    python = runtime_python()
    probe = COMPILED_COUNTER + SMOKE + (
        "import chalicelib.handlers.reports.create, chalicelib.storage.reports.report_store, chalicelib.deps\n"
        "print(compiled)\n")
    result = subprocess.run([python, "-I", "-B", "-c", probe, str(unzipped)], capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.splitlines() == ["ok", "[]"], result.stderr
    # ...from the runtime's own bytecode beside every module of the app's and Chalice's, and no other Python's;
    sources = {p.with_suffix("") for p in unzipped.rglob("*.py")}
    cached = list(unzipped.rglob("__pycache__/*.pyc"))
    assert {p.parent.parent / p.name.split(".")[0] for p in cached} == sources
    assert {p.name.split(".")[-2] for p in cached} == {runtime.CACHE_TAG}
    assert {p.relative_to(unzipped).parts[0] for p in sources} == {"app", "chalicelib", "chalice"}
    # ...and the dependencies' modules are their bytecode alone, in their sources' place.
    alone = [p for p in unzipped.rglob("*.pyc") if p.parent.name != "__pycache__"]
    assert {"botocore/client.pyc", "PIL/Image.pyc", "six.pyc", "typing_extensions.pyc"} <= {
        p.relative_to(unzipped).as_posix() for p in alone}
    assert not {p.with_suffix("") for p in alone} & sources


def test_the_zips_bytecode_is_readable_by_the_runtime_and_stamped_as_chalice_stamps_its_files(package):
    """0644 whatever this machine's umask, and Chalice's fixed date: the same
    sources make the same zip, so a deploy with nothing changed changes nothing."""
    import zipfile
    with zipfile.ZipFile(package[0]) as z:
        entries = [i for i in z.infolist() if i.filename.endswith(".pyc")]
    assert entries and {(i.date_time, i.external_attr >> 16) for i in entries} == {((1980, 1, 1, 0, 0, 0), 0o100644)}


def test_the_zip_carries_the_resident_apps_words_a_council_may_say_otherwise(unzipped):
    # The Lambda has no web/: a council's words are checked against the catalogue the package copies
    # (chalicelib/data/web_words.en.json, a link to web/messages/en.json in the repository).
    carried = unzipped / "chalicelib" / "data" / "web_words.en.json"
    assert carried.is_file() and not carried.is_symlink()
    assert carried.read_bytes() == (ROOT / "web" / "messages" / "en.json").read_bytes()


def test_a_dependencys_module_is_its_bytecode_alone_and_the_apps_keep_their_sources(tmp_path):
    """infra/bytecode.py on a zip of three modules: the app's keeps its source
    and its bytecode in __pycache__/, a dependency's is its .pyc in its source's
    place; both import on the runtime's Python without compiling, and a
    traceback through the dependency names its file, line and function."""
    import zipfile
    from infra import bytecode
    python = runtime_python()
    sources = {"app.py": "import dep.m\n", "chalicelib/__init__.py": "", "dep/__init__.py": "",
               "dep/m.py": "def fail():\n    raise ValueError('from dep')\n"}
    zip_path = tmp_path / "deployment.zip"
    with zipfile.ZipFile(zip_path, "w") as z:
        for name, text in sources.items():
            z.writestr(name, text)
    bytecode.add(zip_path, python, runtime.CACHE_TAG)
    with zipfile.ZipFile(zip_path) as z:
        names = set(z.namelist())
        z.extractall(tmp_path / "task")
    tag = runtime.CACHE_TAG
    assert names == {"app.py", f"__pycache__/app.{tag}.pyc", "chalicelib/__init__.py",
                     f"chalicelib/__pycache__/__init__.{tag}.pyc", "dep/__init__.pyc", "dep/m.pyc"}
    probe = COMPILED_COUNTER + (
        "import sys, traceback\nsys.path[:0] = sys.argv[1:]\nimport app, chalicelib\n"
        "try:\n    app.dep.m.fail()\nexcept ValueError:\n    print(traceback.format_exc().splitlines()[-2].strip())\n"
        "print(app.dep.m.__file__.endswith('dep/m.pyc'), compiled)\n")
    result = subprocess.run([python, "-I", "-B", "-c", probe, str(tmp_path / "task")], capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.splitlines() == [
        f'File "{bytecode.TASK_ROOT}/dep/m.py", line 2, in fail', "True []"], result.stderr
