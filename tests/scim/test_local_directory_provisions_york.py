"""The local directory of Entra ID's shape (doorstep_cli/local/directory.py) provisioning York's own endpoint
over real HTTP, as `make run` does: its demo officers and groups pushed with Entra's own requests, each
officer has the desks of York's groups before they first sign in, and one turned off in the directory is
refused at their next call."""
from doorstep_cli.local.directory import LocalDirectory
from doorstep_cli.local.directory_demo import DOMAIN, TENANT, seed
from support.councils_support import add, york
from support.served import served  # noqa: F401 (fixture)

TOKEN = "york-local-scim-token-" + "c" * 20


def test_the_local_directory_provisions_york_and_a_leaver_is_refused_at_their_next_call(served, deps, monkeypatch,
                                                                                         tmp_path):
    from chalicelib.auth.directory import person_key
    from chalicelib.auth.grants import own_grant
    from chalicelib.handlers.accounts import auth
    document = york()
    monkeypatch.setenv("DOORSTEP_SECRET_YORK_" + document["staff_sign_in"]["scim"]["token"]["secret"].upper()
                       .replace("-", "_"), TOKEN)
    add(deps, document)
    with LocalDirectory(tmp_path / "directory.json", TENANT, seed=seed) as directory:
        directory.provision_to(f"{served.url}/scim/v2", TOKEN, first_wait=0.05)
        assert directory.people.settled(lambda state: not state["pending"], 60), directory.people.queue_state()
        assert directory.people.queue_state().get("failed") in (None, [], 0), directory.people.queue_state()
        asha = deps.accounts.user_by_identity(person_key(f"asha.patel@{DOMAIN}"))
        grant = own_grant(asha, deps.grants)
        assert (grant.role, grant.roles, grant.source) == ("staff", ["street_scene"], "directory")
        nina = deps.accounts.user_by_identity(person_key(f"nina.berg@{DOMAIN}"))  # in All Staff alone: no desk
        assert own_grant(nina, deps.grants) is None
        tokens = auth.start_session(deps, asha, deps.clock())
        officer = {"Authorization": f"Bearer {tokens['access_token']}"}
        import requests
        assert requests.get(f"{served.url}/v1/staff/desks", headers=officer, timeout=10).status_code == 200
        oid = next(u["id"] for u in directory.people.users() if u["userPrincipalName"].startswith("asha.patel"))
        import time
        turned_off = time.monotonic()
        directory.people.update_user(oid, {"accountEnabled": False})
        while (refused := requests.get(f"{served.url}/v1/staff/desks", headers=officer, timeout=10)).status_code == 200:
            assert time.monotonic() - turned_off < 60, "still open a minute after the directory turned them off"
            time.sleep(0.01)
        print(f"deactivation to refusal: {time.monotonic() - turned_off:.3f} s")
        assert refused.status_code == 401 and refused.json()["error"]["code"] == "account_deactivated"
