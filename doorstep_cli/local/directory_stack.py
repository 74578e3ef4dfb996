"""`make run`'s directories: a local directory of Entra ID's shape (directory.py) wherever a council's
settings put a staff sign-in provider on this machine (`staff_sign_in.providers`, an issuer
http://127.0.0.1:<port>/<tenant>/v2.0), as sign_in.py starts a local ScotAccount for a `sign_in` one.

Each follows the stack's PORT as the other local servers do: York's demo document names it at 8019
(PORT+19; PORT 0, a port of its own), a taken port stops the start saying which, and the council's stored
settings are pointed at where it runs. The council's app is registered with it as its IT team would
register Doorstep: the client id, the client secret (or the certificate of private_key_jwt) and the
addresses at the council's own base it may send people back to; and the council's SCIM endpoint is
given to its provisioning with the council's SCIM token. Both secrets are the council's own
(keystore.council_secret): on a local stage they are made once, at random, in
DOORSTEP_DATA_DIR/secrets/<council>/ (make_secrets), as the demo's back-office logins are put there."""
from __future__ import annotations

import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from doorstep_cli.local.sign_in import LOOPBACK, point, port_of

RETURN, SIGNED_OUT, SCIM = "/sign-in/staff/return", "/signed-out", "/scim/v2"
ISSUER_PATH = re.compile(r"^/(?P<tenant>[0-9A-Za-z.-]+)/v2\.0/?$")


def local_providers(document):
    """[(provider entry, tenant)] of the settings' staff sign-in providers this machine serves."""
    found = []
    for entry in ((document or {}).get("staff_sign_in") or {}).get("providers") or []:
        where = urlsplit(entry.get("issuer", ""))
        shape = ISSUER_PATH.match(where.path)
        if where.scheme == "http" and where.hostname in LOOPBACK and shape and shape["tenant"] == entry.get("tenant"):
            found.append((entry, shape["tenant"]))
    return found


def make_secrets(document) -> None:
    """The council's client secret and SCIM token for a directory on this machine, made once at random
    where the local and test stages keep the council's secrets; a real tenant's are its own, never made."""
    from chalicelib.config import settings
    from chalicelib.keystore import council_secret_file, council_secret_known
    from doorstep_cli.local.directory_tokens import new_client_secret
    if settings().stage not in ("local", "test") or not local_providers(document):
        return
    section = document["staff_sign_in"]
    names = [(e["client_key"]["secret"], new_client_secret) for e, _ in local_providers(document)
             if e.get("client_auth") == "client_secret"]
    if section.get("scim"):
        names.append((section["scim"]["token"]["secret"], lambda: secrets.token_urlsafe(32)))
    for name, make in names:
        if not council_secret_known(document["id"], name):
            path = council_secret_file(document["id"], name)
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.write_text(make())
            path.chmod(0o600)


def start_local_directories(data_dir: Path, port: int | None = None, now=None, first_wait: float = 1.0) -> dict:
    """{council: directory} started. `port`: the stack's PORT (None: each where the settings put it)."""
    from chalicelib.storage.councils import CouncilModel, CouncilStore
    started = {}
    if not CouncilModel.exists():  # a stack whose preparation adds no councils (its tests'): none
        return started
    store = CouncilStore()
    gone = store.address_book()[1]  # a council that has left: its directory would provision to a 410
    try:
        for council_id in (c for c in store.ids() if c not in gone):
            directory = _start(Path(data_dir), council_id, port, now, first_wait)
            if directory is not None:
                started[council_id] = directory
    except BaseException:
        for directory in started.values():
            directory.close()
        raise
    return started


def _start(data_dir, council_id, port, now, first_wait):
    from chalicelib import config, keystore
    from chalicelib.auth.directory import StaffProvider
    from chalicelib.councils.council import council
    from doorstep_cli.local import directory_demo
    from doorstep_cli.local.directory import LocalDirectory
    from doorstep_cli.local.serving import PortInUseError
    there = council(council_id)
    found = local_providers(there.document)
    if not found:
        return None
    entry, tenant = found[0]  # one tenant a council on this machine
    make_secrets(there.document)
    provider = StaffProvider.of_settings(entry, council_id)
    where = urlsplit(provider.issuer)
    at = port_of(council_id, provider, port, section="staff_sign_in")
    try:
        directory = LocalDirectory(data_dir / f"directory-{council_id}.json", tenant, where.hostname, at,
                                   seed=directory_demo.seed if tenant == directory_demo.TENANT else None,
                                   admin_token=admin_token(data_dir, council_id), tenant_name=there.name)
    except OSError as e:
        raise PortInUseError(f"directory of {there.name}", where.hostname, at, e.strerror or str(e)) from e
    try:
        if directory.issuer != provider.issuer:
            point(council_id, provider.id, provider.issuer, directory.issuer, now, section="staff_sign_in")
            there = council(council_id)
        base = config.links_base(config.settings(), there)
        if provider.client_auth == "client_secret":
            directory.register(provider.client_id, [base + RETURN], [base + SIGNED_OUT], secret=provider.secret())
        else:
            directory.register(provider.client_id, [base + RETURN], [base + SIGNED_OUT],
                               public_pem=_public_pem(provider.secret()))
        token_name = ((there.document.get("staff_sign_in") or {}).get("scim") or {}).get("token", {}).get("secret")
        if token_name:
            directory.provision_to(base + SCIM, keystore.council_secret(council_id, token_name), first_wait)
    except BaseException:
        directory.close()
        raise
    return directory


def admin_token(data_dir: Path, council_id: str) -> str:
    """The directory's administration API's bearer token, kept beside its state (the CLI reads it there)."""
    from chalicelib.keystore import local_secret
    return local_secret(Path(data_dir) / "secrets" / f"directory-{council_id}-admin",
                        "directory admin token", lambda: secrets.token_urlsafe(32))


def _public_pem(private_pem: str) -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import load_pem_private_key
    return load_pem_private_key(private_pem.encode(), None).public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
