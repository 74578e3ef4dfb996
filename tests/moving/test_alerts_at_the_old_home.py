"""Alerts on the old home's street, ward or area are each offered to move or
stay (issue 73). A ward alert keeps the ward's id (`fulford-and-heslington`)
while the address base names the ward in words ("Fulford and Heslington"):
the old home's ward is the one holding its point, as its property page shows
it, so the two meet. Council news by distance, a category near home and
meetings followed by ward are the home's too; a ward across the city, a
circle that does not hold the home, and a report followed are not."""
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import time_machine

from support.bins_support import HOME
from support.moving_support import NEW_HOME, homes, living_at, move
from support.wards_support import ward

TOLD = datetime(2027, 3, 10, 10, 0, tzinfo=timezone.utc)  # Wednesday 10 March 2027, 10am in London
OLD_WARD, NEW_WARD = "fulford-and-heslington", "rawcliffe-and-clifton-without"
OLD_HOME_POINT = {"lat": 53.9568, "lon": -1.0755}  # 5 Walmgate, support/bins_support's HOME


def wards_of_york(deps):
    """The old home's ward by its boundary, the new home's, and one across the city; the address base
    names the old home's ward in words, as a gazetteer does."""
    deps.wards.put_many([ward(OLD_WARD, -1.08, 53.95, name="Fulford and Heslington"),
                         ward(NEW_WARD, -1.095, 53.96, name="Rawcliffe and Clifton Without"),
                         ward("acomb", -1.13, 53.95, name="Acomb")])
    deps.addresses.put_many([replace(deps.addresses.get(HOME), ward="Fulford and Heslington")])


def subscribed(client, person, **body):
    made = client.post("/v1/alerts", {"channels": ["email"], **body}, person.auth)
    assert made.status_code == 201, made.body
    return made.json_body["id"]


def choose(client, person, move_id, part, choice):
    answer = client.post(f"/v1/me/moves/{move_id}/parts/{quote(part, safe='')}/choice", {"choice": choice},
                         person.auth)
    assert answer.status_code == 200, (part, answer.body)
    return {p["name"]: p for p in answer.json_body["parts"]}


def test_each_alert_on_the_old_homes_street_ward_or_area_is_offered_and_moves_to_the_new_homes(client, deps, people):
    with time_machine.travel(TOLD, tick=False) as clock:
        homes(deps)
        wards_of_york(deps)
        resident = people()
        living_at(deps, resident)
        home = {
            "ward": subscribed(client, resident, kind="ward", ward=OLD_WARD, petitions=True),
            "area": subscribed(client, resident, kind="area", **OLD_HOME_POINT, radius_m=300, include_updates=True),
            "street": subscribed(client, resident, kind="category", service_code="pothole",
                                 area={"lat": 53.9570, "lon": -1.0752, "radius_m": 100}),
            "news": subscribed(client, resident, kind="broadcast", topics=["bins", "roads"], **OLD_HOME_POINT,
                               radius_m=2000),
            "meetings": subscribed(client, resident, kind="meetings", ward=OLD_WARD)}
        elsewhere = {subscribed(client, resident, kind="ward", ward="acomb"),
                     subscribed(client, resident, kind="area", lat=53.9800, lon=-1.0300, radius_m=500)}
        clock.shift(timedelta(minutes=2))  # a resident's alerts are made over time, not ten in a minute
        made = move(client, resident, {"move": "within", "date": "2027-03-20", "to_uprn": NEW_HOME,
                                       "tenure": "sold"}).json_body
        offered = {p["name"]: p for p in made["parts"] if p["kind"] == "alert"}
        assert set(offered) == {f"alert:{a}" for a in home.values()}
        assert all(p["state"] == "offered" and p["choices"] == ["move", "stay"] for p in offered.values())
        assert "in Fulford and Heslington ward" in offered[f"alert:{home['ward']}"]["text"]

        for what in ("ward", "area", "street", "news"):
            assert choose(client, resident, made["id"], f"alert:{home[what]}", "move")[
                f"alert:{home[what]}"]["state"] == "moved"
        assert choose(client, resident, made["id"], f"alert:{home['meetings']}", "stay")[
            f"alert:{home['meetings']}"]["state"] == "stayed"

        alerts = client.get("/v1/alerts", resident.auth).json_body["alerts"]
        ids = {a["id"] for a in alerts}
        gone = {home[w] for w in ("ward", "area", "street", "news")}
        assert elsewhere <= ids and home["meetings"] in ids and not ids & gone
        new_home = deps.addresses.get(NEW_HOME)
        moved = {a["kind"]: a for a in alerts if a["id"] not in elsewhere | {home["meetings"]}}
        assert set(moved) == {"ward", "area", "category", "broadcast"}
        assert (moved["ward"]["ward"], moved["ward"]["petitions"]) == (NEW_WARD, True)
        area = moved["area"]
        assert (area["lat"], area["lon"], area["radius_m"], area["include_updates"]) == (
            new_home.lat, new_home.lon, 300, True)
        assert moved["category"]["service_code"] == "pothole" and moved["category"]["area"] == {
            "lat": new_home.lat, "lon": new_home.lon, "radius_m": 100}
        assert (moved["broadcast"]["topics"], moved["broadcast"]["lat"], moved["broadcast"]["radius_m"]) == (
            ["bins", "roads"], new_home.lat, 2000)


def test_a_ward_alert_is_not_offered_when_the_new_home_is_in_the_same_ward(client, deps, people):
    from support.moving_support import NO_GARDEN
    with time_machine.travel(TOLD, tick=False):
        homes(deps)
        wards_of_york(deps)
        deps.wards.put_many([ward(OLD_WARD, -1.10, 53.95, size=0.04, name="Fulford and Heslington")])  # both homes
        resident = people()
        living_at(deps, resident)
        subscribed(client, resident, kind="ward", ward=OLD_WARD)
        made = move(client, resident, {"move": "within", "date": "2027-03-20", "to_uprn": NO_GARDEN,
                                       "tenure": "sold"}).json_body
        assert [p for p in made["parts"] if p["kind"] == "alert"] == []


def test_leaving_york_an_alert_on_the_old_home_is_offered_to_stop_or_stay_and_nothing_says_it_moved(
        client, deps, people):
    with time_machine.travel(TOLD, tick=False):
        homes(deps)
        wards_of_york(deps)
        resident = people()
        living_at(deps, resident)
        near = subscribed(client, resident, kind="area", **OLD_HOME_POINT, radius_m=300)
        news = subscribed(client, resident, kind="broadcast", topics=["emergencies"], ward=OLD_WARD)
        made = move(client, resident, {"move": "out", "date": "2027-03-20", "tenure": "rented",
                                       "contact": {"role": "landlord", "name": "Mrs Ross"},
                                       "forwarding": "4 Quay Street, Whitby YO21 3PY"}).json_body
        offered = {p["name"]: p for p in made["parts"] if p["kind"] == "alert"}
        assert {n: p["choices"] for n, p in offered.items()} == {
            f"alert:{near}": ["stop", "stay"], f"alert:{news}": ["stop", "stay"]}
        refused = client.post(f"/v1/me/moves/{made['id']}/parts/{quote(f'alert:{near}', safe='')}/choice",
                              {"choice": "move"}, resident.auth)
        assert refused.status_code == 400 and refused.json_body["error"]["fields"][0]["field"] == "choice"
        parts = choose(client, resident, made["id"], f"alert:{near}", "stop")
        assert parts[f"alert:{near}"]["state"] == "stopped" and "stopped" in parts[f"alert:{near}"]["text"]
        assert choose(client, resident, made["id"], f"alert:{news}", "stay")[f"alert:{news}"]["state"] == "stayed"
        assert [a["id"] for a in client.get("/v1/alerts", resident.auth).json_body["alerts"]] == [news]
