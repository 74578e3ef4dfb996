"""Shared fixtures: AWS replaced by moto in-process, the app through Chalice's
test client (real routing, middleware and serialisation)."""
import json
import os

import pytest

# Starts the one DynamoDB Local the contract and stream tests share (only for runs that include them).
from contract.engine_session import pytest_configure, pytest_unconfigure  # noqa: F401

os.environ.update({
    "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "eu-west-2", "AWS_ACCOUNT_ID_ENDPOINT_MODE": "disabled",
    # The test client applies the config's "dev" stage variables during
    # requests; explicit names keep tests on their own tables either way.
    "DOORSTEP_STAGE": "test", "DOORSTEP_TABLE_PREFIX": "test-", "DOORSTEP_PHOTO_BUCKET": "test-photos",
    "DOORSTEP_JWT_SECRET": "test-signing-key-" + "x" * 32,
    "DOORSTEP_TOKEN_ISSUER": "doorstep:test",
    # Web Push's VAPID private key (a P-256 scalar, base64url), a test-only one.
    "DOORSTEP_VAPID_PRIVATE_KEY": "BEv27mGLdrbA2dY0m9KO6DLy3-dD2VMOgW34Yar11kA",
    # Hashes verify with the cost stored in them; tests hash at a lower cost
    # to stay fast (production keeps OWASP's 2**17).
    "DOORSTEP_SCRYPT_LOG_N": "12",
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


@pytest.fixture
def aws():
    from moto import mock_aws
    with mock_aws():
        yield


@pytest.fixture
def storage(aws):
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.services import ServiceStore, clear_cache
    from chalicelib.storage.tables import ensure_tables
    from doorstep_cli.seed import load_services
    clear_cache()  # the previous test's moto tables are gone
    ensure_tables(wait=False)
    BlobStore().ensure_bucket()
    load_services(ServiceStore())


@pytest.fixture
def deps(storage):
    from chalicelib.handlers.deps import default_deps
    return default_deps(base_url="http://testserver")


@pytest.fixture
def client(storage):
    from chalice.test import Client
    from app import app
    with Client(app) as c:
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
    from chalicelib.handlers import auth, users
    counter = itertools.count(1)

    def make(role="resident", **kwargs):
        n = next(counter)
        user = users.create_user(deps, kwargs.pop("email", f"{role}{n}@example.org"), role,
                                 name=kwargs.pop("name", f"{role.title()} {n}"), **kwargs)
        return Person(user, auth.start_session(deps, user, deps.clock()))
    return make


def store_addresses(deps, rows=ADDRESSES):
    from chalicelib.storage.addresses import AddressModel
    return deps.addresses.put_many(
        AddressModel(uprn=u, lines=lines, postcode=pc, postcode_key=pc.replace(" ", ""), lat=lat, lon=lon,
                     ward=ward) for u, lines, pc, lat, lon, ward in rows)


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
