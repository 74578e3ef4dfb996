"""What the new home's council tax comes to from the move date (issue 71): Doorstep's estimate by
the council's jurisdiction's rules, marked as one. In North Lanarkshire a band E home is 473/360
of band D, not England's 11/9, with Scottish Water's water and waste water beside it; in York
the same band is 11/9 and has no water lines."""
from chalicelib import tenancy
from chalicelib.storage.records import Address
from support.councils_support import NL, NL_HOST, add, at, north_lanarkshire, signed_in_at, york
from support.revenues_support import council_morning  # noqa: F401 (fixture)

COATBRIDGE, YORK_HOME = "770000000999", "990000000999"


def new_home(deps, council, uprn, lines, postcode):
    with tenancy.acting_for(council):
        deps.for_council().addresses.put_many([Address(uprn=uprn, lines=lines, postcode=postcode, lat=55.86,
                                                        lon=-4.02, ward="Coatbridge", council_tax_band="E")])


def estimate(client, auth, body):
    made = client.post("/v1/me/moves", {"people": ["Aileen Donnelly"], **body}, {**auth, "Idempotency-Key": "move-to-the-new-home"})
    assert made.status_code == 201, made.json_body
    page = client.get(f"/v1/me/moves/{made.json_body['id']}", auth).json_body
    return page["council_tax_estimate"]


def test_moving_into_a_band_e_home_in_north_lanarkshire_costs_scottish_bands_and_water(client, deps, council_morning):
    add(deps, york(), north_lanarkshire())
    new_home(deps, NL, COATBRIDGE, ["9 Muiryhall Street", "Coatbridge"], "ML5 3EN")
    auth = at(NL_HOST, signed_in_at(deps, NL, "resident"))
    found = estimate(client, auth, {"move": "in", "date": "2026-12-01", "to_uprn": COATBRIDGE})
    lines = {line["kind"]: line for line in found["lines"]}
    # 1 December to 31 March: 121 of the year's 365 days of each year's charge, rounded down.
    assert lines["council_tax"]["for_the_year"] == 190_890  # 1,452.86 x 473/360 (11/9 would be 1,775.72)
    assert lines["council_tax"]["amount"] == 190_890 * 121 // 365 == 63_281
    assert (lines["water"]["for_the_year"], lines["waste_water"]["for_the_year"]) == (36_905, 42_823)
    assert found["total"] == sum(line["amount"] for line in found["lines"]) and found["band"] == "E"
    assert all(line["estimate"] for line in found["lines"]) and lines["council_tax"]["basis"]["part"] == 473


def test_the_same_band_in_york_is_elevenninths_with_no_water(client, deps, people, council_morning):
    add(deps, york())
    new_home(deps, "york", YORK_HOME, ["5 Bootham Terrace", "York"], "YO30 7BW")
    found = estimate(client, people().auth, {"move": "in", "date": "2026-12-01", "to_uprn": YORK_HOME})
    assert [(line["kind"], line["for_the_year"]) for line in found["lines"]] == [("council_tax", 272_817)]
