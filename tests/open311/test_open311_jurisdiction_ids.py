"""Which jurisdiction_id names which council: its id, or the web domain its
settings give (`open311_jurisdiction`, as GeoReport v2 suggests: "the
jurisdiction's main website root url"), one council's only; and finding one
reads nothing on a warm function, with 4 councils or 40."""
import pytest

from support.councils_support import add, north_lanarkshire, york

NL = "north-lanarkshire"


def test_a_jurisdiction_is_one_councils_and_a_change_that_takes_anothers_is_refused_whole(deps):
    from chalicelib.councils import settings
    from chalicelib.errors import ValidationFailed
    store = add(deps, dict(york(), open311_jurisdiction="york.gov.uk"), north_lanarkshire())
    grabbing = dict(north_lanarkshire(), open311_jurisdiction="york.gov.uk", name="Renamed")
    with pytest.raises(settings.JurisdictionTaken) as taken:
        settings.write(store, grabbing, 1, deps.clock(), "test")
    assert taken.value.status == 409 and taken.value.fields[0]["field"] == "$.open311_jurisdiction"
    assert store.get(NL, consistent=True)[0]["name"] == "North Lanarkshire Council"
    for refused in ("York Council", "york", "YORK.GOV.UK"):  # a domain, in lower case: never a council's id
        with pytest.raises(ValidationFailed) as bad:
            settings.write(store, dict(york(), open311_jurisdiction=refused), 1, deps.clock(), "test")
        assert [f["field"] for f in bad.value.fields] == ["$.open311_jurisdiction"]
    # Given up, it is free for another council.
    assert settings.write(store, dict(york(), open311_jurisdiction="cyc.gov.uk"), 1, deps.clock(), "test") == 2
    assert settings.write(store, grabbing, 1, deps.clock(), "test") == 2
    from chalicelib.councils.registry import council_for_jurisdiction
    assert (council_for_jurisdiction("york.gov.uk"), council_for_jurisdiction("cyc.gov.uk")) == (NL, "york")


def numbered(n):
    return dict(north_lanarkshire(), id=f"council-{n}", name=f"Council {n}", short_name=f"Council {n}",
                hosts=[f"council-{n}.localhost"], open311_jurisdiction=f"council-{n}.gov.uk")


@pytest.mark.parametrize("count", [4, 40])
def test_a_warm_function_finds_a_jurisdiction_with_no_read_with_4_councils_or_40(deps, count):
    from chalicelib.councils.registry import council_for_jurisdiction
    from chalicelib.storage import metering
    add(deps, york(), *[numbered(n) for n in range(1, count)])
    with metering.metered() as cold:
        assert council_for_jurisdiction(f"council-{count - 1}.gov.uk") == f"council-{count - 1}"
    assert cold.queries == cold.calls <= 2  # the addresses and the jurisdictions: one Query each
    with metering.metered() as warm:
        assert [council_for_jurisdiction(j) for j in ("council-1", "Council-2.gov.uk", "york", "leeds.gov.uk")] \
            == ["council-1", "council-2", "york", None]
    assert warm.calls == 0
