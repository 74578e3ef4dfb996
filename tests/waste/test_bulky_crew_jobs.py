"""A confirmed bulky collection becomes a job for the collecting team on its
day: in their jobs near me and their due list, with the items, where they are
left and the address, never the resident's name, e-mail or phone; the crew
marks it collected or not (with why) and the resident's booking shows it."""
import dataclasses
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from support.crew_support import Crew, now_iso
from support.pay_support import confirmed_booking, pay  # noqa: F401
from support.staff_support import load_staff_data

LONDON = ZoneInfo("Europe/London")
HOME_POINT = (53.9568, -1.0755)  # support.bins_support.store_home's lat, lon


def at(deps, moment):
    return dataclasses.replace(deps, clock=lambda: moment)


def day_start(made):
    """00:00 London on the collection's own day."""
    return datetime.combine(date.fromisoformat(made["date"]), time(0), LONDON)


@pytest.fixture
def waste_crew(client, deps, people):
    load_staff_data(deps)
    return Crew(client, people("crew", team="waste", name="Wes Crew")), Crew(client, people("crew", team="north"))


def reminded(deps, made):
    """Its two reminders sent: the job waits behind them in the same index."""
    from chalicelib.handlers.waste.settling import send_reminders
    assert [send_reminders(at(deps, day_start(made) - timedelta(days=days) + timedelta(hours=10)))
            for days in (3, 1)] == [1, 1]


def collection_day(client, deps, people, **kwargs):
    """A confirmed booking whose crew job has been made on its day: (booking, resident)."""
    from chalicelib.handlers.waste.collections import make_crew_jobs
    made, resident = confirmed_booking(client, deps, people, **kwargs)
    reminded(deps, made)
    assert make_crew_jobs(at(deps, day_start(made))) == 1
    return made, resident


def test_the_job_is_made_on_the_collection_day_once(client, deps, people, pay, waste_crew):
    from chalicelib.handlers.waste.collections import make_crew_jobs
    crew, _ = waste_crew
    made, _ = confirmed_booking(client, deps, people)
    start = day_start(made)
    assert make_crew_jobs(at(deps, start)) == 0  # its reminders are not sent yet
    reminded(deps, made)
    assert make_crew_jobs(at(deps, start - timedelta(minutes=1))) == 0
    assert crew.jobs().json_body["features"] == []
    assert [make_crew_jobs(at(deps, start)), make_crew_jobs(at(deps, start + timedelta(minutes=5)))] == [1, 0]
    listed = crew.jobs().json_body["features"]
    assert [f["id"] for f in listed] == [made["id"]]
    assert listed[0]["properties"]["service_name"] == "Bulky waste collection"
    assert listed[0]["properties"]["due"] == made["date"]
    assert listed[0]["properties"]["description"] == "1 item: Sofa or settee. Left: By the front gate"


def test_the_crew_sees_the_items_where_they_are_left_and_the_address_never_who_booked(
        client, deps, people, pay, waste_crew):
    crew, other_team = waste_crew
    made, resident = collection_day(client, deps, people, items=("sofa", "fridge"))
    near = crew.jobs(lat=HOME_POINT[0], lon=HOME_POINT[1]).json_body
    assert [(f["id"], f["properties"]["distance_m"] < 5) for f in near["features"]] == [(made["id"], True)]
    answer = crew.job(made["id"])
    assert answer.status_code == 200, answer.body
    job = answer.json_body
    assert job["address"] == "5 Walmgate, York, YO1 9TX" and job["description"] == "Sofa or settee, Fridge or freezer"
    assert job["collection"] == {"kind": "bulky", "booking_id": made["id"], "items": ["Sofa or settee",
                                 "Fridge or freezer"], "location": "By the front gate", "notes": "Side door sticks"}
    assert job["location"] == {"lat": HOME_POINT[0], "lon": HOME_POINT[1]} and job["team"] == "waste"
    shown = answer.body.decode() + crew.jobs().body.decode() + crew.jobs(lat=HOME_POINT[0], lon=HOME_POINT[1]).body.decode()
    for secret in (resident.user.email, resident.user.name, resident.user.id):
        assert secret not in shown
    assert other_team.job(made["id"]).status_code == 404
    assert other_team.jobs().json_body["features"] == []


def test_collected_shows_on_the_resident_s_booking_and_leaves_the_crew_s_list(
        client, deps, people, pay, waste_crew):
    crew, _ = waste_crew
    made, resident = collection_day(client, deps, people)
    before = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert before["collection"] == {"status": "scheduled", "reason": None, "at": None}
    done = crew.update(made["id"], {"status": "done", "saved_at": now_iso()})
    assert done.status_code == 201, done.body
    assert done.json_body["job"]["status"] == "done" and done.json_body["job"]["collection"]["items"]
    after = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert after["status"] == "confirmed" and after["collection"]["status"] == "collected"
    assert after["collection"]["at"] is not None
    assert crew.jobs().json_body["features"] == []


def test_not_collected_shows_the_crew_s_reason_to_the_resident(client, deps, people, pay, waste_crew):
    crew, _ = waste_crew
    made, resident = collection_day(client, deps, people)
    no_reason = crew.update(made["id"], {"status": "unable", "saved_at": now_iso()})
    assert no_reason.status_code == 400 and no_reason.json_body["error"]["fields"][0]["field"] == "reason"
    unable = crew.update(made["id"], {"status": "unable", "reason": "Nothing at the front gate.",
                                      "saved_at": now_iso()})
    assert unable.status_code == 201, unable.body
    seen = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body["collection"]
    assert seen["status"] == "not_collected" and seen["reason"] == "Nothing at the front gate."


def test_a_cancelled_collection_never_becomes_a_job(client, deps, people, pay, waste_crew):
    from chalicelib.handlers.waste.collections import make_crew_jobs
    crew, _ = waste_crew
    made, resident = confirmed_booking(client, deps, people)
    assert client.post(f"/v1/waste/bulky/bookings/{made['id']}/cancel", {}, resident.auth).status_code == 200
    made_then = [make_crew_jobs(at(deps, day_start(made) + timedelta(hours=h))) for h in (1, 24)]
    assert made_then == [0, 0]
    assert crew.jobs().json_body["features"] == [] and deps.jobs.get(made["id"]) is None


def test_the_collecting_team_is_a_setting_that_must_name_a_team_taking_work(client, deps, people, waste_crew):
    import json
    admin = people("admin")

    def put(body, version):
        return client.raw.http.request("PUT", "/v1/waste/bulky/items", body=json.dumps(body).encode(), headers={
            **admin.auth, "Content-Type": "application/json", "If-Match": version})
    rules = {k: v for k, v in client.get("/v1/waste/bulky/items").json_body.items() if k not in ("currency", "version")}
    assert rules["crew_team"] == "waste"
    unknown = put({**rules, "crew_team": "nobody"}, '"0"')
    assert unknown.status_code == 400 and unknown.json_body["error"]["fields"][0]["field"] == "crew_team"
    assert put({**rules, "crew_team": "north"}, '"0"').json_body["crew_team"] == "north"
    del rules["crew_team"]
    assert put(rules, '"1"').json_body["crew_team"] == "north"  # a catalogue edit leaves the team as it is


def test_a_collection_costs_its_readers_a_key_read_and_the_crew_s_list_what_it_returns(
        client, deps, people, pay, waste_crew):
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.crews import jobs_list
    from chalicelib.handlers.waste import bookings
    from chalicelib.storage.metering import metered
    crew, _ = waste_crew
    made, resident = collection_day(client, deps, people)
    own = dataclasses.replace(deps, principal=Principal(user_id=resident.user.id, role="resident",
                                                        email=resident.user.email))
    crew_member = dataclasses.replace(deps, principal=Principal(user_id=crew.person.user.id, role="crew",
                                                                team="waste"))
    with metered() as booking_read:
        bookings.read(own, made["id"])
    assert booking_read.operations == ["GetItem", "GetItem", "GetItem"]  # the booking, its payment, its job
    with metered() as listing:
        jobs_list.list_jobs(crew_member, {})
    # As for any job: the categories' names (their small table, read by every list before this too), then the
    # team's due index, one item per job returned.
    assert listing.operations == ["Query", "Query"]  # the categories (their catalogue index), the jobs
    assert listing.items == len(deps.services.all()) + 1
