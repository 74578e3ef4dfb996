"""`doorstep teams`: the street-crew teams staff assign work to.

    doorstep teams create --id north --name "North crew"
    doorstep teams list
    doorstep teams rename --id north --name "North and city crew"
    doorstep teams retire --id north
"""


def add_parser(commands):
    teams = commands.add_parser("teams", help="create, list, rename and retire street-crew teams")
    sub = teams.add_subparsers(dest="teams_command", required=True)
    create = sub.add_parser("create", help="a new team (its id is what crew members and assignments name)")
    create.add_argument("--id", required=True, help="lower-case letters, digits, - or _: north, street-lighting")
    create.add_argument("--name", required=True)
    sub.add_parser("list", help="every team, retired ones last")
    rename = sub.add_parser("rename", help="give a team a new name (its id stays)")
    rename.add_argument("--id", required=True)
    rename.add_argument("--name", required=True)
    retire = sub.add_parser("retire", help="stop assigning work to a team (it stays in the history)")
    retire.add_argument("--id", required=True)


def run(args, deps):
    from chalicelib.handlers.staff import teams
    if args.teams_command == "create":
        team = teams.create_team(deps, args.id, args.name)
        print(f"created team {team.id} ({team.name})")
    elif args.teams_command == "rename":
        team = teams.rename_team(deps, args.id, args.name)
        print(f"team {team.id} is now {team.name}")
    elif args.teams_command == "retire":
        team = teams.retire_team(deps, args.id)
        print(f"team {team.id} is retired: no new work is assigned to it")
    else:
        found = teams.list_teams(deps)["teams"]
        for team in found:
            print(f"{team['id']}\t{team['name']}" + ("\tretired" if team["retired"] else ""))
        if not found:
            print("no teams yet: doorstep teams create --id north --name \"North crew\"")
    return 0
