"""Shared teams (issue 70, item 4): two councils share a team (a shared waste service) only where both
have said so in their settings; a crew member granted by one then works at the other's address, and
every act they make names the council it was done for and the council whose grant they hold."""
from types import SimpleNamespace

from chalicelib import tenancy
from chalicelib.councils import settings
from chalicelib.storage.councils import CouncilStore
from support.councils_support import NL, PASSWORD, YORK_HOST, add, at, north_lanarkshire, signed_in, york
from support.crew_support import Crew, assigned, now_iso
from support.staff_support import Officer

CRAWFORD = "crawford@northlanarkshire.example"


def north_lanarkshires_crew(deps):
    """A crew member granted by North Lanarkshire, of its team "north"; York has a team "north" of its own."""
    from chalicelib.handlers.accounts import users
    from chalicelib.handlers.staff.teams import create_team
    create_team(deps, "north", "York's north crew")
    with tenancy.acting_for(NL):
        create_team(deps, "north", "The shared waste crew")
        users.create_user(deps, CRAWFORD, "crew", name="Crawford", password=PASSWORD, team="north")


def saying(document, *shares):
    return {**document, "shares": [{"team": team, "with": other} for team, other in shares]}


def change(deps, *documents):
    store = CouncilStore()
    for document in documents:
        settings.write(store, document, store.get(document["id"], consistent=True)[1], deps.clock(), "test")


def at_york(client):
    answer, auth = signed_in(client, CRAWFORD, YORK_HOST)
    return answer["user"]["role"], client.get("/v1/crew/jobs", at(YORK_HOST, auth)).status_code


def test_a_shared_teams_crew_works_at_the_other_council_only_when_both_have_said_so(client, deps):
    add(deps, york(), north_lanarkshire())
    north_lanarkshires_crew(deps)
    assert at_york(client) == ("resident", 403)  # neither said so
    change(deps, saying(north_lanarkshire(), ("north", "york")))
    assert at_york(client) == ("resident", 403)  # North Lanarkshire alone
    change(deps, saying(york(), ("south", NL)))
    assert at_york(client) == ("resident", 403)  # York shares another team
    change(deps, saying(york(), ("north", NL)))
    assert at_york(client) == ("crew", 200)  # both
    change(deps, north_lanarkshire())
    assert at_york(client) == ("resident", 403)  # North Lanarkshire took it back


def test_a_share_naming_the_council_itself_is_refused(deps):
    add(deps, york())
    document = saying(york(), ("north", "york"))
    try:
        change(deps, document)
    except Exception as refused:  # noqa: BLE001
        assert [f["field"] for f in refused.fields] == ["$.shares[0].with"]
    else:
        raise AssertionError("a council shared a team with itself")


def test_each_act_of_a_shared_teams_crew_names_the_council_it_was_done_for_and_the_grants(client, deps, people):
    add(deps, saying(york(), ("north", NL)), saying(north_lanarkshire(), ("north", "york")))
    north_lanarkshires_crew(deps)
    officer = Officer(client, people("admin", name="Olu Officer"))
    rid, job_id = assigned(client, officer, team="north")
    _, auth = signed_in(client, CRAWFORD, YORK_HOST)
    crew = Crew(client, SimpleNamespace(auth=at(YORK_HOST, auth)), "north")
    done = crew.update(job_id, {"status": "done", "saved_at": now_iso()})
    assert done.status_code == 201, done.body

    acts = deps.audit.entries(rid)
    assert [(a.action, a.council, a.granted_by) for a in acts] == [
        ("inspect", "york", None), ("crew_done", "york", NL)]
    assert officer.report(rid, reason="The resident rang about it").status_code == 200
    [read] = [a for a in deps.audit.entries(rid) if a.action == "read"]  # a reading names its council too
    assert (read.council, read.granted_by) == ("york", None)
    shown = [e for e in officer.get(f"/v1/staff/reports/{rid}/audit").json_body["entries"] if e["action"] != "read"]
    assert [e["granted_by"] for e in shown] == [None, NL]  # York's officers see whose crew it was
    fixed = deps.reports.updates(rid)[-1]
    assert (fixed.state, fixed.council, fixed.granted_by) == ("fixed", "york", NL)
    update = deps.jobs.get(job_id).updates[-1]
    assert (update["council"], update["granted_by"]) == ("york", NL)
