"""`make run`'s back offices for the demo councils beyond its default one: a set of local servers
for each council whose demo settings (doorstep_cli/demo/councils/<id>/council.json) name one at
127.0.0.1, as a council's settings name its own (docs/decisions/councils.md). The default council
keeps the set the stack points the variables at (stack.py).

A demo document names each server at the port it takes beside PORT 8000 (North Lanarkshire's
Civica at 8020: PORT+20), so with `make run`'s PORT the stored settings are the file's; on another
PORT (0 in the tests: ports of their own) the stack writes where they are into the stored settings,
the change audited as the demo data's. Each server is started with its council's id as its data
set's name (its `council`): a server with no data set of that id serves its own (York's). Their
logins are the demo's (DEMO_SECRETS), put where the local stage keeps a council's secrets as the
demo councils are added (doorstep_cli/councils.py)."""
from __future__ import annotations

import inspect
import json
from pathlib import Path
from urllib.parse import urlsplit

DEMO = Path(__file__).resolve().parents[1] / "demo" / "councils"
DEMO_PORT = 8000  # the PORT the demo documents' addresses are written for
LOCAL_HOSTS = ("127.0.0.1", "localhost")
BY = "demo data"
RUNNING = {}  # {council: {kind: server}} this process started: the stack's preparation points their settings
# The local servers' logins, as a council's secrets name them in the demo documents.
DEMO_SECRETS = {"civica-user": "doorstep", "civica-password": "local-civica-password", "drs-login": "doorstep",
                "drs-password": "local-drs-password"}


def demo_offices():
    """{council: {kind: office}} of the demo documents' local back offices (the default council's aside)."""
    from chalicelib import tenancy
    found = {}
    for path in sorted(DEMO.glob("*/council.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        offices = {kind: office for kind, office in (document.get("back_offices") or {}).items()
                   if urlsplit(office.get("url", "")).hostname in LOCAL_HOSTS}
        if offices and document["id"] != tenancy.default():
            found[document["id"]] = offices
    return found


def start(data_dir: Path, port: int, nightly=None) -> dict:
    """{council: {kind: server}}: each demo council's local servers, started (a Civica closed for
    the `nightly` window, as York's is)."""
    from doorstep_cli.local.serving import ensure_port_free
    started = {}
    try:
        for council, offices in demo_offices().items():
            for kind, office in offices.items():
                at = _port(office["url"], port)
                ensure_port_free("127.0.0.1", at, f"{council}'s {kind}")
                server = STARTERS[kind](Path(data_dir), council, at, nightly)
                started.setdefault(council, {})[kind] = server
    except BaseException:
        close(started)
        raise
    RUNNING.update(started)
    return started


def _port(url, port):
    """PORT plus the offset the demo address names (0 with PORT 0: a port of its own)."""
    return 0 if port == 0 else port + urlsplit(url).port - DEMO_PORT


def _with_data_set(server_class, council, **kwargs):
    """The server started with `council` as its data set's name, where it takes one."""
    if "council" in inspect.signature(server_class).parameters:
        kwargs["council"] = council
    return server_class(**kwargs)


def _civica(data_dir, council, port, nightly=None):
    from doorstep_cli.local.civica import CivicaBackOffice
    return _with_data_set(CivicaBackOffice, council, port=port, nightly=nightly, user=DEMO_SECRETS["civica-user"],
                          password=DEMO_SECRETS["civica-password"],
                          state_file=data_dir / f"civica-{council}.json")


def _drs(data_dir, council, port, nightly=None):
    from doorstep_cli.local.drs import LocalScheduler
    return _with_data_set(LocalScheduler, council, port=port, login=DEMO_SECRETS["drs-login"],
                          password=DEMO_SECRETS["drs-password"],
                          state_file=data_dir / f"drs-{council}.json")


def _public_access(data_dir, council, port, nightly=None):
    from doorstep_cli.local.public_access import PublicAccess
    return _with_data_set(PublicAccess, council, port=port, state_file=data_dir / f"public_access-{council}.json")


STARTERS = {"revenues": _civica, "scheduler": _drs, "planning": _public_access}


def address(kind, server):
    return server.root if kind == "planning" else server.url


def put_demo_secrets(document):
    """The local servers' logins, put where the local and test stages keep the council's secrets
    (keystore.council_secret_file) for each its demo document names and the stage lacks."""
    from chalicelib.config import settings
    from chalicelib.councils.backoffices import references
    from chalicelib.keystore import council_secret_known, council_secret_file
    if settings().stage not in ("local", "test"):
        return
    for _, name in references(document):
        if name in DEMO_SECRETS and not council_secret_known(document["id"], name):
            path = council_secret_file(document["id"], name)
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.write_text(DEMO_SECRETS[name])
            path.chmod(0o600)


def point_settings(now, started=RUNNING) -> int:
    """The stored settings of each council with local servers made to name where they are now (the
    document's own address on PORT 8000: nothing written); an address a council's administrator
    set elsewhere is left. How many councils' settings changed."""
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    store, changed = CouncilStore(), 0
    for council, servers in started.items():
        found = store.get(council, consistent=True)
        if found is None:
            continue
        document, version = found
        offices = document.get("back_offices") or {}
        moved = {kind: address(kind, server) for kind, server in servers.items()
                 if kind in offices and urlsplit(offices[kind]["url"]).hostname in LOCAL_HOSTS
                 and offices[kind]["url"] != address(kind, server)}
        if moved:
            document = dict(document, back_offices={kind: dict(office, url=moved.get(kind, office["url"]))
                                                    for kind, office in offices.items()})
            settings.write(store, document, version, now, BY, before=found[0])
            changed += 1
    return changed


def close(started) -> None:
    for council, servers in list(started.items()):
        for server in servers.values():
            server.close()
        RUNNING.pop(council, None)


def summary(started) -> dict:
    """{council: {kind: address}}, for stack.json and the line said when ready."""
    return {council: {kind: address(kind, server) for kind, server in servers.items()}
            for council, servers in started.items()}
