"""`doorstep directory` changes the running directory through its administration API, so each change is
the directory's and is pushed to the council by SCIM; York's demo settings name the directory's tenant,
client and groups as its seed has them; and `make run` starts it where York's settings say, pointed at
York's own SCIM endpoint with York's own secrets."""
import json

import pytest

from chalicelib import keystore
from doorstep_cli.local.directory import LocalDirectory
from doorstep_cli.local.directory_demo import CLIENT_ID, GROUPS, TENANT, seed
from doorstep_cli.local.directory_stack import admin_token
from doorstep_cli.local.process_identity import identity
from doorstep_cli.main import main
from tests.local.scim_receiver import ScimReceiver

DEMO_YORK = "doorstep_cli/demo/councils/york.json"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DOORSTEP_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(keystore, "_cache", {})
    return tmp_path


@pytest.fixture
def running(data_dir):
    """York's directory as `make run` leaves it: its address in stack.json, its token in the data directory."""
    with ScimReceiver("t") as receiver, LocalDirectory(data_dir / "directory-york.json", TENANT, seed=seed,
                                                       admin_token=admin_token(data_dir, "york")) as directory:
        directory.provision_to(receiver.url, "t", first_wait=0.05)
        (data_dir / "stack.json").write_text(json.dumps({"directories": {"york": directory.origin}, **identity()}))
        directory.receiver = receiver
        yield directory


def doorstep(capsys, *args):
    code = main(["directory", *args])
    return code, capsys.readouterr()


def test_the_command_adds_a_joiner_to_a_group_and_the_council_is_told(running, capsys):
    code, said = doorstep(capsys, "add", "--upn", "jo.bloggs@york.example", "--name", "Jo Bloggs",
                          "--group", "street scene")
    assert code == 0 and "added jo.bloggs@york.example (Jo Bloggs)" in said.out
    assert "jo.bloggs@york.example is now in Street Scene" in said.out
    jo = running.people.user("jo.bloggs@york.example")["id"]
    assert "81bbd79d-05b9-4ee0-a629-3294d88ca4e7" in running.people.groups_of(jo)
    assert running.people.settled(lambda state: not state["pending"], 20)
    assert running.receiver.requests[-1]["body"]["Operations"][0]["op"] == "Add"


def test_the_command_turns_an_officer_off_and_on_takes_them_out_of_a_group_and_removes_them(running, capsys):
    assert doorstep(capsys, "deactivate", "--upn", "asha.patel@york.example")[0] == 0
    assert running.people.user("asha.patel@york.example")["accountEnabled"] is False
    code, said = doorstep(capsys, "list")
    assert code == 0 and "asha.patel@york.example\tAsha Patel\tStreet Scene, All Staff\tturned off" in said.out
    assert doorstep(capsys, "reactivate", "--upn", "asha.patel@york.example")[0] == 0
    code, said = doorstep(capsys, "leave", "--upn", "asha.patel@york.example", "--group", "Street Scene")
    assert code == 0 and "no longer in Street Scene" in said.out
    assert doorstep(capsys, "remove", "--upn", "asha.patel@york.example")[0] == 0
    assert all(u["userPrincipalName"] != "asha.patel@york.example" for u in running.people.users())
    assert running.people.settled(lambda state: not state["pending"], 20)
    assert [r["method"] for r in running.receiver.requests[-4:]] == ["PATCH", "PATCH", "PATCH", "DELETE"]


def test_the_command_says_what_it_cannot_do_in_words(running, capsys):
    code, said = doorstep(capsys, "join", "--upn", "nobody@york.example", "--group", "Finance")
    assert code == 1 and "does not exist" in said.err
    code, said = doorstep(capsys, "join", "--upn", "nina.berg@york.example", "--group", "Astronauts")
    assert code == 1 and "no group 'Astronauts'" in said.err


def test_without_a_running_stack_the_command_says_how_to_start_one(data_dir, capsys):
    code, said = doorstep(capsys, "list")
    assert code == 2 and "make run" in said.err


def test_yorks_settings_name_the_directorys_tenant_client_and_every_group_but_all_staff():
    from chalicelib.councils import settings
    document = json.load(open(DEMO_YORK))
    section = document["staff_sign_in"]
    assert settings.problems(document) == []
    entra, = section["providers"]
    assert (entra["tenant"], entra["client_id"], entra["issuer"]) == (
        TENANT, CLIENT_ID, f"http://127.0.0.1:8019/{TENANT}/v2.0")
    seeded = {oid: name for oid, name, _ in GROUPS}
    assert {g["group"]: g["name"] for g in section["groups"]} == {
        oid: name for oid, name in seeded.items() if name != "All Staff"}
    assert section["scim"] == {"token": {"secret": "scim-token"}} and section["mfa"] == "required"


def test_make_run_starts_yorks_directory_beside_its_port_pointed_at_yorks_scim_with_yorks_secrets(data_dir, deps):
    from chalicelib.auth.directory import named
    from chalicelib.councils.council import council
    from doorstep_cli.local.directory_stack import make_secrets, start_local_directories
    from doorstep_cli.local.serving import free_port
    from support.councils_support import add, york
    document = york()
    make_secrets(document)  # as the demo councils are added
    add(deps, document)
    while (port := free_port()) <= 19:
        pass
    started = start_local_directories(data_dir, port - 19, first_wait=0.05)
    try:
        directory = started["york"]
        assert directory.origin == f"http://127.0.0.1:{port}"
        assert named(council("york"), "entra").issuer == directory.issuer  # the stored settings follow it
        secret = (data_dir / "secrets" / "york" / "entra-client").read_text()
        token = (data_dir / "secrets" / "york" / "scim-token").read_text()
        assert len(secret) == 40 and len(token) >= 40
        assert directory.sign_in.keys.secrets[CLIENT_ID] == secret
        assert directory.sign_in.keys.clients[CLIENT_ID]["redirect_uris"][0].endswith("/sign-in/staff/return")
        assert directory.pusher.token == token and directory.pusher.endpoint.endswith("/scim/v2")
    finally:
        for directory in started.values():
            directory.close()
