"""Shared fixtures: AWS replaced by moto in-process, the app through Chalice's
test client (real routing, middleware and serialisation)."""
import json
import os

import pytest

from bench.motocalls import lean_calls
from bench.motodirect import direct_calls
from bench.motoexpressions import quick_expressions
from bench.motofast import faster_moto, isolated_transactions, quick_responses
# Starts the one DynamoDB Local the contract and stream tests share (only for runs that include them).
from contract.engine_session import pytest_configure, pytest_unconfigure  # noqa: F401
# `--clock=INSTANT`: the run at a chosen moment (README, Tests at any hour).
from support.pinned_clock import _pinned_clock, pytest_addoption  # noqa: F401
from support import pinned_clock
# Tests marked xdist_group run on one worker (pytest-xdist's loadgroup, mended for pytest 9).
pytest_plugins = ["support.xdist_groups"]
# The garbage collector tuned for test workers, which keep most of what they make (support/collector.py).
pytest_plugins.append("support.collector")
# DOORSTEP_TIMING=<folder>: each test's phases in wall and CPU seconds, written there (support/timing.py).
if os.environ.get("DOORSTEP_TIMING"):
    pytest_plugins.append("support.timing")
# Chalice's test client hands the app path values decoded, as API Gateway and `make run` do.
from doorstep_cli.local.gateway import use_in_chalice_test  # noqa: E402
use_in_chalice_test()


def pytest_collection_modifyitems(config, items):
    pinned_clock.pytest_collection_modifyitems(config, items)


os.environ.update({
    "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "eu-west-2", "AWS_ACCOUNT_ID_ENDPOINT_MODE": "disabled",
    # The test client applies the config's "dev" stage variables during
    # requests; explicit names keep tests on their own tables either way.
    "DOORSTEP_STAGE": "test", "DOORSTEP_TABLE_PREFIX": "test-", "DOORSTEP_PHOTO_BUCKET": "test-photos",
    "DOORSTEP_JWT_SECRET": "test-signing-key-" + "x" * 32,
    "DOORSTEP_TOKEN_ISSUER": "doorstep:test",
    # Keys a local stage would generate on first use: given, because a request
    # through the test client runs under the config's "dev" stage, which may not
    # generate one, and whether an earlier test had made it depended on the order
    "DOORSTEP_BODY_LINK_SECRET": "test-link-key-" + "y" * 32,
    "DOORSTEP_FORMS_WEBHOOK_SECRET": "test-webhook-key-" + "z" * 32,
    "DOORSTEP_DEMO_STAFF_PASSWORD": "demo officers' test passphrase 42",  # doorstep_cli/demo_staff.py
    # Web Push's VAPID private key (a P-256 scalar, base64url), a test-only one.
    "DOORSTEP_VAPID_PRIVATE_KEY": "BEv27mGLdrbA2dY0m9KO6DLy3-dD2VMOgW34Yar11kA",
    # Hashes verify with the cost stored in them; tests hash at a lower cost
    # to stay fast (production keeps OWASP's 2**17).
    "DOORSTEP_SCRYPT_LOG_N": "12",
    # A request's reads are counted to the item in tests: the councils' generation, read every 5 s by
    # a deployment's warm functions, is read here once an hour (its own tests say how often).
    "DOORSTEP_COUNCILS_CHECK_S": "3600",
    # A council's export waits 15 minutes after its stop in a deployment (offboarding/steps.SETTLE_S); the
    # tests export at once, but for the one that checks the wait.
    "DOORSTEP_OFFBOARD_SETTLE_S": "0",
})
os.environ.pop("DOORSTEP_AWS_ENDPOINT", None)
os.environ.pop("DOORSTEP_PUBLIC_URL", None)

YORK_MINSTER = (53.9623, -1.0819)  # lat, lon

# A handful of fictional York addresses (tests store them with store_addresses).
# (uprn, lines, postcode, lat, lon, ward)
ADDRESSES = [
    ("990000000101", ["1 Micklegate", "York"], "YO1 7HH", 53.95580, -1.08840, "Micklegate"),
    ("990000000102", ["2 Micklegate", "York"], "YO1 7HH", 53.95600, -1.08815, "Micklegate"),
    ("990000000103", ["12 Micklegate", "York"], "YO1 7HH", 53.95620, -1.08790, "Micklegate"),
    ("990000000104", ["12 Priory Street", "York"], "YO1 7HH", 53.95540, -1.08900, None),
    ("990000000201", ["3 Main Street", "Bishopthorpe", "York"], "YO23 1AA", 53.92010, -1.09790,
     "Bishopthorpe"),
]


@pytest.fixture(scope="session")
def _moto():
    """One moto per test worker: building every table again for every test
    cost a quarter of a second each time."""
    from moto import mock_aws
    check = os.environ.get("DOORSTEP_CHECK_MOTOFAST") == "1"
    with mock_aws(), isolated_transactions(), faster_moto(remember_sizes=False), quick_responses(check=check), \
            lean_calls(), quick_expressions(), direct_calls(check=check):
        yield


@pytest.fixture
def aws(_moto):
    """AWS as moto emulates it, holding nothing an earlier test wrote."""
    empty_aws()


@pytest.fixture(scope="session", autouse=True)
def _working_for_york():
    """York, the council the tests work for unless they say otherwise (a module's
    fixtures as well as its tests: session-wide, in the tests' own thread)."""
    from chalicelib import tenancy
    token = tenancy.use("york")
    yield "york"
    tenancy.reset(token)


@pytest.fixture
def storage(aws):
    """Every table and the photo bucket, empty, and the report categories loaded."""
    from chalicelib.councils import registry
    from chalicelib.storage.staff import due_rules
    from chalicelib.storage.reports.services import clear_cache
    registry.forget()  # the councils kept from an earlier test's tables
    ensure_storage()
    clear_cache()
    due_rules.clear_cache()
    from chalicelib.storage.forms.forms import _definitions
    _definitions.clear()  # a form's version read by an earlier test is not this test's, whose id may be the same
    _load_categories()


_CATEGORIES = {}  # the services table's moto items once the demo categories are loaded


def _load_categories():
    """The demo categories, written through the store once per worker and then
    put back as moto's own items: writing them took a sixth of a second, per test."""
    import copy
    from chalicelib.storage.reports.services import ServiceStore
    from doorstep_cli.seed import load_services
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.dynamodb.models import dynamodb_backends
    table = dynamodb_backends[DEFAULT_ACCOUNT_ID][os.environ["AWS_DEFAULT_REGION"]].tables[
        os.environ["DOORSTEP_TABLE_PREFIX"] + "services"]
    if "items" not in _CATEGORIES:
        load_services(ServiceStore())
        _CATEGORIES["items"] = copy.deepcopy(dict(table.items))
    table.items.clear()
    table.items.update(copy.deepcopy(_CATEGORIES["items"]))


def ensure_storage():
    """Create the tables and bucket unless moto holds them already (a test
    that resets moto, as stopping a local emulator does, loses them)."""
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.tables import ensure_tables
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.dynamodb.models import dynamodb_backends
    tables = dynamodb_backends[DEFAULT_ACCOUNT_ID][os.environ["AWS_DEFAULT_REGION"]].tables
    if os.environ["DOORSTEP_TABLE_PREFIX"] + "services" not in tables:
        ensure_tables(wait=False)
        BlobStore().ensure_bucket()


def empty_aws():
    """Empty moto without unmaking what is slow to make: DynamoDB tables keep
    their definitions and lose their items, S3 buckets their objects; every
    other service (SES, SNS, Secrets Manager...) starts again from nothing."""
    from moto.core.base_backend import BackendDict
    for service in list(BackendDict._instances):
        for account in service.values():
            if service.service_name == "dynamodb":
                for region in account.values():
                    for table in region.tables.values():
                        table.items.clear()
                        if table.stream_shard is not None:
                            table.stream_shard.items = []
            elif service.service_name == "s3":
                for region in account.values():
                    for bucket in region.buckets.values():
                        bucket.keys.clear()
            else:
                account.reset()


@pytest.fixture
def deps(storage):
    from chalicelib.deps import default_deps
    return default_deps(base_url="http://testserver")


@pytest.fixture
def client(storage):
    from chalice.test import Client
    from app import app
    # A stage the config does not name: Chalice's test client sets a named stage's
    # variables (DOORSTEP_STAGE=dev) around each request and puts back what it found,
    # so two racing requests left "dev" behind for every test after them on the worker.
    with Client(app, stage_name="test") as c:
        yield Api(c)


class Api:
    """A few verbs over the Chalice test client, speaking JSON."""

    def __init__(self, client):
        self.raw = client

    def get(self, path, headers=None):
        return self.raw.http.get(path, headers=headers or {})

    def post(self, path, body, headers=None):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return self.raw.http.post(path, body=data, headers={"Content-Type": "application/json", **(headers or {})})


def jpeg_with_gps():
    """A phone photo that says where it was taken (EXIF GPSInfo)."""
    import io
    from PIL import Image
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (53.0, 57.0, 44.0), 3: "W", 4: (1.0, 4.0, 55.0)}  # GPSInfo
    buf = io.BytesIO()
    image.save(buf, "JPEG", exif=exif)
    return buf.getvalue()


def pothole(**overrides):
    body = {"service_code": "pothole", "lat": YORK_MINSTER[0], "lon": YORK_MINSTER[1],
            "description": "Deep pothole outside the Minster's west door.",
            "fields": {"size": "large"},
            "contact": {"name": "Ada Resident", "email": "ada@example.org", "phone": "07700 900123"}}
    body.update(overrides)
    return body


class Person:
    """A signed-in test user: their account and an Authorization header."""

    def __init__(self, user, tokens):
        self.user, self.tokens = user, tokens
        self.auth = {"Authorization": f"Bearer {tokens['access_token']}"}


@pytest.fixture
def people(deps):
    """make(role, **kwargs) -> a Person with a live session."""
    import itertools
    from chalicelib.handlers.accounts import auth, users
    from support.officers import every_role
    counter = itertools.count(1)

    def make(role="resident", **kwargs):
        n = next(counter)
        user = users.create_user(deps, kwargs.pop("email", f"{role}{n}@example.org"), role,
                                 name=kwargs.pop("name", f"{role.title()} {n}"), **every_role(role, kwargs))
        return Person(user, auth.start_session(deps, user, deps.clock()))
    return make


def store_addresses(deps, rows=ADDRESSES):
    from chalicelib.storage.records import Address
    return deps.addresses.put_many(
        Address(uprn=u, lines=lines, postcode=pc, lat=lat, lon=lon, ward=ward)
        for u, lines, pc, lat, lon, ward in rows)


@pytest.fixture
def doorstep(storage, monkeypatch):
    """The `doorstep` command, run in-process against moto: doorstep("import", ...) -> exit code."""
    from doorstep_cli.main import main
    monkeypatch.setenv("DOORSTEP_STAGE", "test")
    monkeypatch.setenv("DOORSTEP_AWS_ENDPOINT", "")  # moto in-process, not a local stack
    return lambda *args: main(["--stage", "test", *args])


def geojson_file(tmp_path, features, name="features.geojson"):
    """A FeatureCollection file of these features; returns its path as text."""
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return str(path)


@pytest.fixture(autouse=True)
def _stage_left_as_found():
    """A test that leaves DOORSTEP_STAGE changed (the CLI's `connect` sets it in
    os.environ) fails, and the stage is put back: a later test on the worker
    met a "prod" stage that would not make its own queue."""
    yield
    left = os.environ.get("DOORSTEP_STAGE")
    if left != "test":
        os.environ["DOORSTEP_STAGE"] = "test"
        pytest.fail(f"this test left DOORSTEP_STAGE={left!r}; tests run on the test stage")
