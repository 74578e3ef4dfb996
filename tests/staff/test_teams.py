"""Teams as data: made, renamed and retired with `doorstep teams`; a crew
member must join a team that exists; staff list them."""
from support.alert_support import store_wards


def test_teams_are_made_listed_renamed_and_retired_with_the_cli(doorstep, capsys):
    assert doorstep("teams", "create", "--id", "north", "--name", "North crew") == 0
    assert doorstep("teams", "create", "--id", "south", "--name", "South crew") == 0
    assert doorstep("teams", "create", "--id", "north", "--name", "Again") == 1
    assert doorstep("teams", "create", "--id", "North Crew", "--name", "Bad id") == 1
    assert doorstep("teams", "rename", "--id", "north", "--name", "North and city crew") == 0
    assert doorstep("teams", "retire", "--id", "south") == 0
    assert doorstep("teams", "retire", "--id", "east") == 1
    capsys.readouterr()
    assert doorstep("teams", "list") == 0
    assert capsys.readouterr().out.splitlines() == ["north\tNorth and city crew", "south\tSouth crew\tretired"]


def test_a_crew_member_joins_only_an_active_team(doorstep, deps, capsys):
    def crew(email, team):
        return doorstep("users", "create", "--email", email, "--role", "crew", "--team", team)
    assert crew("cam@council.example", "north") == 1
    assert "doorstep teams create" in capsys.readouterr().err
    doorstep("teams", "create", "--id", "north", "--name", "North crew")
    assert crew("cam@council.example", "north") == 0
    assert deps.grants.get(deps.accounts.user_by_identity("email#cam@council.example").id).team == "north"
    doorstep("teams", "retire", "--id", "north")
    assert crew("cleo@council.example", "north") == 1


def test_staff_scopes_by_ward_name_wards_that_exist(doorstep, deps, capsys):
    store_wards(deps)
    assert doorstep("users", "create", "--email", "wes@council.example", "--role", "staff",
                    "--categories", "pothole", "--wards", "guildhall,heworth") == 0
    user = deps.accounts.user_by_identity("email#wes@council.example")
    assert deps.grants.get(user.id).scope == {"categories": ["pothole"], "wards": ["guildhall", "heworth"]}
    assert doorstep("users", "create", "--email", "wil@council.example", "--role", "staff",
                    "--wards", "atlantis") == 1
    assert "atlantis" in capsys.readouterr().err


def test_staff_see_the_teams_to_assign_to(client, people, doorstep):
    doorstep("teams", "create", "--id", "north", "--name", "North crew")
    doorstep("teams", "create", "--id", "old", "--name", "Old crew")
    doorstep("teams", "retire", "--id", "old")
    listed = client.get("/v1/staff/teams", people("staff").auth)
    assert listed.status_code == 200
    assert listed.json_body == {"teams": [{"id": "north", "name": "North crew", "retired": False},
                                          {"id": "old", "name": "Old crew", "retired": True}]}
    assert client.get("/v1/staff/teams", people("crew", team="north").auth).status_code == 403
