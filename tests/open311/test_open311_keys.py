"""`doorstep open311-keys`: a council issues, lists and revokes partner keys,
and a partner's posts follow at once."""
import pytest

from conftest import YORK_MINSTER
from support.open311_support import ERRORS, post_form, read_json


@pytest.fixture
def cli(storage, monkeypatch, capsys):
    from doorstep_cli.main import main
    monkeypatch.setenv("DOORSTEP_STAGE", "test")
    monkeypatch.setenv("DOORSTEP_AWS_ENDPOINT", "")  # moto in-process, not a local stack
    monkeypatch.delenv("OPEN311_API_KEYS", raising=False)

    def run(*argv):
        code = main(["--stage", "test", "open311-keys", *argv])
        out, err = capsys.readouterr()
        return code, out, err
    return run


def issued_key(out):
    return out.splitlines()[1]


def pothole_request(key, service_code="pothole"):
    return {"api_key": key, "service_code": service_code, "lat": str(YORK_MINSTER[0]),
            "long": str(YORK_MINSTER[1]), "description": "A deep pothole.", "attribute[size]": "large"}


def test_a_key_is_printed_once_and_stored_only_as_its_hash(cli):
    from chalicelib.storage.staff.open311_keys import Open311KeyModel
    code, out, _ = cli("create", "--name", "fixmystreet")
    assert code == 0
    key = issued_key(out)
    [stored] = list(Open311KeyModel.scan())
    assert stored.name == "fixmystreet" and not stored.revoked and stored.categories is None
    assert key not in str(stored.attribute_values) and len(stored.key_hash) == 64
    code, listed, _ = cli("list")
    assert code == 0 and key not in listed
    assert listed.startswith("fixmystreet\tcreated ") and "active\tall categories" in listed


def test_a_partner_gets_one_live_key_and_unknown_categories_are_refused(cli):
    assert cli("create", "--name", "fixmystreet")[0] == 0
    code, _, err = cli("create", "--name", "fixmystreet")
    assert code == 1 and "revoke it first" in err
    code, _, err = cli("create", "--name", "roadworks", "--categories", "pothole,dragons")
    assert code == 1 and "dragons" in err
    assert cli("revoke", "--name", "nobody")[0] == 1


def test_a_revoked_key_is_refused_at_once(cli, client):
    key = issued_key(cli("create", "--name", "fixmystreet")[1])
    assert post_form(client, "/open311/v2/requests.json", pothole_request(key)).status_code == 200
    code, out, _ = cli("revoke", "--name", "fixmystreet")
    assert code == 0 and "revoked 1 key" in out
    refused = post_form(client, "/open311/v2/requests.json", pothole_request(key))
    assert refused.status_code == 403 and "api_key" in read_json(refused, ERRORS)[0]["description"]
    assert "\trevoked " in cli("list")[1]
    # Revoking frees the name for a new key (rotation).
    assert cli("create", "--name", "fixmystreet")[0] == 0


def test_a_scoped_key_posts_only_to_its_categories(cli, client):
    code, out, _ = cli("create", "--name", "roadworks", "--categories", "pothole, graffiti")
    assert code == 0 and "categories: pothole, graffiti" in out
    key = issued_key(out)
    assert post_form(client, "/open311/v2/requests.json", pothole_request(key)).status_code == 200
    refused = post_form(client, "/open311/v2/requests.json", {
        **pothole_request(key, "fly_tipping"), "attribute[amount]": "car_boot",
        "attribute[waste_types][]": "household"})
    assert refused.status_code == 403
    assert read_json(refused, ERRORS)[0]["description"] == "This api_key may not post to fly_tipping."
    assert "pothole,graffiti" in cli("list")[1]


def test_keys_in_the_environment_still_work_beside_stored_ones(cli, client, monkeypatch):
    cli("create", "--name", "fixmystreet")
    monkeypatch.setenv("OPEN311_API_KEYS", "make-run-key")
    assert post_form(client, "/open311/v2/requests.json", pothole_request("make-run-key")).status_code == 200
    assert post_form(client, "/open311/v2/requests.json", pothole_request("guess")).status_code == 403
