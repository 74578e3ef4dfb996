"""`make run`'s sign-in providers: a local ScotAccount (scotaccount.py) wherever a council's
settings put a provider on this machine, with each such council's relying party registered with
it as ScotAccount's onboarding does: its client id, the public half of its key (keystore.py makes
the key once on a local stage, in the data directory) and its redirect URI at the council's own
address.

The provider follows the stack's PORT as the demo councils' back offices do (council_offices.py):
the demo document names it at the port it takes beside PORT 8000 (North Lanarkshire's at 8018:
PORT+18; PORT 0, a port of its own), and the council's stored settings are pointed at where it
runs. A fixed port made two stacks on one machine fight for it, the second's sign-in quietly
going to the first's provider. A port that is taken stops the start, saying which, as the
stack's other servers do."""
from __future__ import annotations

import json
from urllib.parse import urlsplit

from doorstep_cli.local.council_offices import BY, DEMO, DEMO_PORT

LOOPBACK = ("127.0.0.1", "localhost")


def start_local_sign_in(port: int | None = None, now=None) -> list:
    """The providers started. `port`: the stack's PORT (None: each where the settings put it)."""
    from chalicelib import config
    from chalicelib.auth.providers import of_council
    from chalicelib.councils.council import Council, council
    from chalicelib.storage.councils import CouncilModel, CouncilStore
    from doorstep_cli.local.scotaccount import LocalScotAccount
    from doorstep_cli.local.serving import PortInUseError
    started: dict[str, LocalScotAccount] = {}
    if not CouncilModel.exists():  # a stack whose preparation adds no councils (its tests'): no provider
        return []
    try:
        # Every council's settings in one Query, not a read of each after a Query of their ids: with 400
        # councils that was 400 reads before the stack answered.
        for document, version in CouncilStore().documents():
            council_id, there = document["id"], Council.of_document(document, version)
            for provider in of_council(there):
                where = urlsplit(provider.issuer)
                if where.scheme != "http" or where.hostname not in LOOPBACK or where.path.strip("/"):
                    continue  # a real provider, or one this machine does not serve at its root
                at = port_of(council_id, provider, port)
                key = (where.hostname, at or provider.issuer)  # PORT 0: each its own
                if key not in started:
                    try:
                        started[key] = LocalScotAccount(where.hostname, at)
                    except OSError as e:
                        raise PortInUseError(f"sign-in provider of {there.name}", where.hostname, at,
                                             e.strerror or str(e)) from e
                if started[key].origin != provider.issuer:
                    point(council_id, provider.id, provider.issuer, started[key].origin, now)
                    there = council(council_id)
                base = config.links_base(config.settings(), there)
                started[key].register(provider.client_id, provider.public_key(), [base + "/sign-in/return"])
    except BaseException:
        for provider in started.values():
            provider.close()
        raise
    return list(started.values())


def port_of(council_id, provider, port, section="sign_in"):
    """The port a provider takes: PORT plus the offset its demo document names (0 with PORT 0); where the
    settings put it without a PORT, or for a council or provider the demo does not have. `section`: the
    settings' residents' `sign_in`, or the officers' `staff_sign_in` (directory_stack.py)."""
    demo = next((p for p in (DEMO / council_id / "council.json", DEMO / f"{council_id}.json") if p.exists()), None)
    named = urlsplit(provider.issuer).port or 80
    if port is None or demo is None:
        return named
    document = json.loads(demo.read_text(encoding="utf-8"))
    entry = next((p for p in (document.get(section) or {}).get("providers") or [] if p["id"] == provider.id), None)
    if entry is None:
        return named
    return 0 if port == 0 else port + urlsplit(entry["issuer"]).port - DEMO_PORT


def point(council_id, provider_id, old, new, now=None, section="sign_in"):
    """The council's stored provider (its issuer and attributes' addresses) named at `new`, its origin now."""
    from datetime import datetime, timezone
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    store = CouncilStore()
    document, version = store.get(council_id, consistent=True)
    moved = json.loads(json.dumps(document))
    for entry in moved[section]["providers"]:
        if entry["id"] == provider_id and entry["issuer"] == old:
            entry["issuer"] = new
            for name, url in (entry.get("attributes") or {}).items():
                if url.startswith(old):
                    entry["attributes"][name] = new + url[len(old):]
    settings.write(store, moved, version, now or datetime.now(timezone.utc), BY, before=document)
