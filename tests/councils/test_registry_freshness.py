"""A council added, changed or given up anywhere is served by every warm function within seconds
(issue 78): the command wrote to the table from another process, and this process's registry,
which keeps the councils between requests, saw it only when its five minutes ran out."""
from support.councils_support import NL, NL_HOST, YORK_HOST, at, north_lanarkshire, york


def _written_elsewhere(deps, document, version=0):
    """Written as another process (the command, another function) writes: nothing this process keeps
    is forgotten by it."""
    from chalicelib.storage.councils import CouncilStore
    return CouncilStore().put(document, version, deps.clock(), "doorstep councils add", {})


def test_a_council_added_by_another_process_is_served_once_its_generation_is_read(client, deps, monkeypatch):
    from chalicelib.councils import registry
    _written_elsewhere(deps, york())
    assert client.get("/v1/council", at(YORK_HOST)).status_code == 200  # York's addresses kept
    assert client.get("/v1/council", at(NL_HOST)).status_code == 421
    _written_elsewhere(deps, north_lanarkshire())
    assert client.get("/v1/council", at(NL_HOST)).status_code == 421  # within the hour the tests check at
    monkeypatch.setenv("DOORSTEP_COUNCILS_CHECK_S", "0")  # a deployment's few seconds, gone by
    served = client.get("/v1/council", at(NL_HOST))
    assert (served.status_code, served.json_body.get("id")) == (200, NL), served.json_body
    assert registry.check_s() == 0


def test_a_change_made_elsewhere_is_read_after_the_check_and_not_before(deps, monkeypatch):
    from chalicelib.councils import registry
    now = [1000.0]
    clock = lambda: now[0]  # noqa: E731
    _written_elsewhere(deps, york())
    registry.forget()
    monkeypatch.delenv("DOORSTEP_COUNCILS_CHECK_S")  # the deployment's default: 5 s
    assert registry.settings_of("york", clock=clock)[1] == 1
    _written_elsewhere(deps, dict(york(), name="City of York Council (renamed)"), version=1)
    now[0] += 4.9
    assert registry.settings_of("york", clock=clock)[0]["name"] == york()["name"]  # kept: not checked yet
    now[0] += 0.2
    found = registry.settings_of("york", clock=clock)
    assert (found[0]["name"], found[1]) == ("City of York Council (renamed)", 2)
