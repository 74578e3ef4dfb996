"""A Scottish council tax account (issue 71): North Lanarkshire's back office bills the band's
council tax and Scottish Water's water and waste water charges as lines of their own, and the
resident sees each with the rule that made it; York's account keeps its one charge by England's
ninths, its figures as they were."""
import pytest

from support.councils_support import NL, NL_HOST, add, at, north_lanarkshire, signed_in_at, york
from support.revenues_support import ARREARS, BILLS, DEV, MORNING, council_morning, linked  # noqa: F401

MOTHERWELL = "500700028"  # the Campbells, band C (doorstep_cli/local/civica_data_north_lanarkshire.py)
ORDER = "the Council Tax (Substitution of Proportion) (Scotland) Order 2016 (SSI 2016/368)"


def office_for(monkeypatch, council):
    from doorstep_cli.local.civica import CivicaBackOffice
    office = CivicaBackOffice(clock=lambda: MORNING, council=council)
    monkeypatch.setenv("DOORSTEP_CIVICA_URL", office.url)
    monkeypatch.setenv("DOORSTEP_CIVICA_USER", office.user)
    monkeypatch.setenv("DOORSTEP_CIVICA_PASSWORD", office.password)
    return office


@pytest.fixture
def nl_office(monkeypatch):
    """North Lanarkshire's own office, named in its settings (its back offices are its own: issue 70)."""
    from chalicelib.keystore import council_variable
    from doorstep_cli.local.civica import CivicaBackOffice
    with CivicaBackOffice(clock=lambda: MORNING, council=NL) as office:
        for name, value in (("civica-user", office.user), ("civica-password", office.password)):
            monkeypatch.setenv(council_variable(NL, name), value)
        office.settings = {"revenues": {"url": office.url, "user": {"secret": "civica-user"},
                                        "password": {"secret": "civica-password"}}}
        yield office


def nl_at(office):
    return dict(north_lanarkshire(), back_offices=office.settings)


def by_kind(view):
    return {line["kind"]: line for line in view["charges"]}


def test_a_north_lanarkshire_account_shows_band_cs_scottish_charge_and_the_water_lines(
        client, deps, nl_office, council_morning):
    add(deps, york(), nl_at(nl_office))
    auth = at(NL_HOST, signed_in_at(deps, NL, "resident"))
    made = client.post("/v1/me/council-tax", {"reference": MOTHERWELL, "name": "Mrs Fiona Campbell",
                                              "online_key": "CMP3-8LWA", "postcode": "ML1 1JJ"}, auth)
    assert made.status_code == 201, made.json_body
    view = client.get(f"/v1/me/council-tax/{made.json_body['id']}?sections=none", auth).json_body
    lines = by_kind(view)
    assert view["property"]["band"] == "C" and list(lines) == ["council_tax", "water", "waste_water"]
    assert [lines[k]["amount"] for k in lines] == [129_143, 26_840, 31_144]
    assert lines["council_tax"]["basis"] == {"part": 320, "of": 360} and lines["council_tax"]["rule"]["title"] == ORDER
    assert lines["water"]["rule"]["title"] == "Scottish Water's unmetered household charges"
    assert not any(line["estimate"] for line in lines.values())  # the back office's own figures
    assert view["summary"]["year_charge"] == 187_127  # the bill is the three lines together
    plan = client.get(f"/v1/me/council-tax/{made.json_body['id']}?sections=plan", auth).json_body["instalments"]
    assert sum(i["amount"] for i in plan) == 187_127  # and so are the instalments


def test_york_keeps_its_one_charge_by_englands_ninths(client, deps, people, monkeypatch, council_morning):
    with office_for(monkeypatch, None):
        person = people()
        made = linked(client, person, BILLS[DEV])
        view = client.get(f"/v1/me/council-tax/{made['id']}?sections=none", person.auth).json_body
    assert [(line["kind"], line["amount"]) for line in view["charges"]] == [("council_tax", 223_214)]
    assert view["charges"][0]["basis"] == {"part": 9, "of": 9}
    assert view["charges"][0]["rule"]["title"] == "Local Government Finance Act 1992, section 5(1)"
    assert view["summary"]["balance"] == 48_034 and view["reference"] == ARREARS


def test_north_lanarkshires_office_does_not_know_yorks_accounts(client, deps, nl_office, council_morning):
    add(deps, york(), nl_at(nl_office))
    auth = at(NL_HOST, signed_in_at(deps, NL, "resident"))
    refused = client.post("/v1/me/council-tax", BILLS[DEV], auth)
    assert refused.status_code == 422, refused.json_body


def test_north_lanarkshires_office_serves_its_council_tenants_and_their_rent_and_yorks_does_not(
        client, deps, nl_office, council_morning):
    """`make run`'s North Lanarkshire office holds the demo folder's tenants (tenancies.json): Morag's band B
    home billed by Scotland's bands with the water lines, and her rent account; York's knows none of it."""
    from doorstep_cli.local import civica_data, civica_rents
    add(deps, york(), nl_at(nl_office))
    auth = at(NL_HOST, signed_in_at(deps, NL, "resident"))
    made = client.post("/v1/me/council-tax", {"reference": "590200011", "name": "Ms Morag MacLeod",
                                              "online_key": "NL01-MTX5", "postcode": "ML1 1JJ"}, auth)
    assert made.status_code == 201, made.json_body
    view = client.get(f"/v1/me/council-tax/{made.json_body['id']}?sections=rent", auth).json_body
    assert [line["kind"] for line in view["charges"]] == ["council_tax", "water", "waste_water"]
    assert by_kind(view)["council_tax"]["amount"] == 113_000  # 280/360 of £1,452.86
    assert [r["reference"] for r in view["rent_accounts"]] == ["NLR20001"]
    assert "590200011" not in civica_data.YORK.ACCOUNTS and "P0020001" not in civica_rents.RENTS
