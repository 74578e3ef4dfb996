"""The environment the benchmarks run in: the same as tests/conftest.py."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TEST_ENV = {
    "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "eu-west-2", "AWS_ACCOUNT_ID_ENDPOINT_MODE": "disabled",
    "DOORSTEP_STAGE": "test", "DOORSTEP_TABLE_PREFIX": "test-", "DOORSTEP_PHOTO_BUCKET": "test-photos",
}
UNSET = ("DOORSTEP_AWS_ENDPOINT", "DOORSTEP_PUBLIC_URL", "DOORSTEP_MAP_FEATURE_CAP")


def child_env():
    """os.environ with the test settings applied (for subprocesses too)."""
    env = dict(os.environ)
    env.update(TEST_ENV)
    for name in UNSET:
        env.pop(name, None)
    return env


def apply():
    os.environ.update(TEST_ENV)
    for name in UNSET:
        os.environ.pop(name, None)


def fresh_storage():
    """Inside mock_aws: tables, bucket and categories, as the `storage` fixture does."""
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.reports.services import ServiceStore, clear_cache
    from chalicelib.storage.tables import ensure_tables
    from doorstep_cli.seed import load_services
    clear_cache()
    ensure_tables(wait=False)
    BlobStore().ensure_bucket()
    load_services(ServiceStore())


def deps():
    from chalicelib.deps import default_deps
    return default_deps(base_url="http://bench")
