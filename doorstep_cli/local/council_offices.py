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
demo councils are added (doorstep_cli/councils.py).

Payments are the exception: GOV.UK Pay is one service holding every council's account, so the
stack's one local provider (PORT+3) is given an account for each demo council whose settings name
it, with that council's API key and signing secret, its webhooks sent to the council's own
address (its first host, on the stack's port)."""
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
# A payment account's key and secret are the council's own ({council}), as each service's are.
DEMO_SECRETS = {"civica-user": "doorstep", "civica-password": "local-civica-password", "drs-login": "doorstep",
                "drs-password": "local-drs-password", "pay-test-api-key": "api_test_local_{council}",
                "pay-test-webhook-secret": "webhook_test_local_{council}"}


def demo_secret(council, name):
    return DEMO_SECRETS[name].format(council=council)


def _demo_documents():
    """The demo documents of the councils beyond the default one."""
    from chalicelib import tenancy
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(DEMO.glob("*/council.json"))]
    return [document for document in documents if document["id"] != tenancy.default()]


def demo_offices():
    """{council: {kind: office}} of the demo documents' local back offices (the default council's aside)."""
    found = {}
    for document in _demo_documents():
        offices = {kind: office for kind, office in (document.get("back_offices") or {}).items()
                   if urlsplit(office.get("url", "")).hostname in LOCAL_HOSTS}
        if offices:
            found[document["id"]] = offices
    return found


def start(data_dir: Path, port: int, nightly=None, payments=None, web_port=None) -> dict:
    """{council: {kind: server}}: each demo council's local servers, started (a Civica closed for
    the `nightly` window, as York's is), and its account on `payments` (the stack's local provider;
    None: a provider elsewhere, no account here) with webhooks to its host on `web_port`."""
    from doorstep_cli.local.serving import ensure_port_free
    started = {}
    hosts = {document["id"]: document["hosts"][0] for document in _demo_documents()}
    try:
        for council, offices in demo_offices().items():
            for kind, office in offices.items():
                if kind == "payments":
                    if payments is not None:
                        started.setdefault(council, {})[kind] = PayAccount(payments, council, hosts[council],
                                                                           web_port or port)
                    continue
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
    return _with_data_set(CivicaBackOffice, council, port=port, nightly=nightly,
                          user=demo_secret(council, "civica-user"), password=demo_secret(council, "civica-password"),
                          state_file=data_dir / f"civica-{council}.json")


def _drs(data_dir, council, port, nightly=None):
    from doorstep_cli.local.drs import LocalScheduler
    return _with_data_set(LocalScheduler, council, port=port, login=demo_secret(council, "drs-login"),
                          password=demo_secret(council, "drs-password"),
                          state_file=data_dir / f"drs-{council}.json")


def _public_access(data_dir, council, port, nightly=None):
    from doorstep_cli.local.public_access import PublicAccess
    return _with_data_set(PublicAccess, council, port=port, state_file=data_dir / f"public_access-{council}.json")


STARTERS = {"revenues": _civica, "scheduler": _drs, "planning": _public_access}


class PayAccount:
    """A demo council's account on the stack's local provider, under the council's id: at the
    provider's address (`url`), its webhooks to the council's own address. Closing it leaves the
    provider, the stack's, running; the account stays, as its payments do."""

    def __init__(self, provider, council, host, web_port):
        self.provider = provider
        self.account = provider.add_account(
            council, demo_secret(council, "pay-test-api-key"), demo_secret(council, "pay-test-webhook-secret"),
            f"http://{host}:{web_port}/v1/payments/webhook")

    @property
    def url(self):
        return self.provider.origin

    def close(self):
        pass


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
            path.write_text(demo_secret(document["id"], name))
            path.chmod(0o600)


def point_settings(now, started=RUNNING) -> int:
    """The stored settings of each council with local servers made to name where they are now (the
    document's own address on PORT 8000: nothing written); an address a council's administrator
    set elsewhere is left. A back office running here that the stored settings lack (a stage made
    before its demo document named it: the payment accounts) is added as the document names it,
    with its demo secrets. How many councils' settings changed."""
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    store, changed = CouncilStore(), 0
    demo = {document["id"]: document.get("back_offices") or {} for document in _demo_documents()}
    for council, servers in started.items():
        found = store.get(council, consistent=True)
        if found is None:
            continue
        document, version = found
        offices = document.get("back_offices") or {}
        missing = {kind: demo[council][kind] for kind in servers
                   if kind not in offices and kind in demo.get(council, {})}
        if missing:
            put_demo_secrets({"id": council, "back_offices": missing})
            offices = {**offices, **missing}
        moved = {kind: address(kind, server) for kind, server in servers.items()
                 if kind in offices and urlsplit(offices[kind]["url"]).hostname in LOCAL_HOSTS
                 and offices[kind]["url"] != address(kind, server)}
        if moved or missing:
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
