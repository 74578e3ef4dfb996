"""A cold start pays for one botocore client, however many tables a request
touches: every model and transaction shares the process's one connection."""
import botocore.session

from support.bins_support import HOME, store_home, store_rounds, weekly_round


def test_a_fresh_process_first_place_view_builds_one_botocore_client(client, deps, monkeypatch):
    from chalicelib.storage import binding
    from chalicelib.storage.places.facilities import facility
    store_rounds(deps, weekly_round("refuse-tue", "refuse", 1))
    store_home(deps, {"refuse": "refuse-tue"})
    deps.facilities.put_many([facility("lib-1", "library", "York Explore", -1.0862, 53.9603)])
    # What a new process holds: no connection, no model bound to one.
    binding._connections.clear()
    for model in binding.models():
        model._connection = None
    made = []
    original = botocore.session.Session.create_client

    def counting(self, service_name, *args, **kwargs):
        made.append(service_name)
        return original(self, service_name, *args, **kwargs)
    monkeypatch.setattr(botocore.session.Session, "create_client", counting)
    response = client.get(f"/v1/places/{HOME}")
    assert response.status_code == 200 and response.json_body["nearest"]
    touched = {model.Meta.table_name for model in binding.models() if model._connection is not None}
    assert len(touched) >= 5  # addresses, bin rounds, ward cells, facility types, facilities
    assert made == ["dynamodb"]
