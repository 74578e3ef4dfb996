"""`make run`'s sign-in providers: a local ScotAccount (scotaccount.py) wherever a council's
settings put a provider on this machine (North Lanarkshire's demo settings: 127.0.0.1:8018),
with each such council's relying party registered with it as ScotAccount's onboarding does:
its client id, the public half of its key (keystore.py makes the key once on a local stage,
in the data directory) and its redirect URI at the council's own address."""
from __future__ import annotations

from urllib.parse import urlsplit

LOOPBACK = ("127.0.0.1", "localhost")


def start_local_sign_in(say=print) -> list:
    from chalicelib import config
    from chalicelib.auth.providers import of_council
    from chalicelib.councils.council import council
    from chalicelib.storage.councils import CouncilModel, CouncilStore
    from doorstep_cli.local.scotaccount import LocalScotAccount
    started: dict[str, LocalScotAccount] = {}
    if not CouncilModel.exists():  # a stack whose preparation adds no councils (its tests'): no provider
        return []
    for council_id in CouncilStore().ids():
        there = council(council_id)
        for provider in of_council(there):
            where = urlsplit(provider.issuer)
            if where.scheme != "http" or where.hostname not in LOOPBACK or where.path.strip("/"):
                continue  # a real provider, or one this machine does not serve at its root
            if provider.issuer not in started:
                try:
                    started[provider.issuer] = LocalScotAccount(where.hostname, where.port or 80)
                except OSError as e:  # the port is taken: that council's sign-in waits for it, nothing else does
                    say(f"Note: {there.name}'s sign-in provider {provider.issuer} could not start ({e}).")
                    continue
            base = config.links_base(config.settings(), there)
            started[provider.issuer].register(provider.client_id, provider.public_key(), [base + "/sign-in/return"])
    return list(started.values())
