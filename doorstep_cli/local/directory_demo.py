"""York's demo tenant in the local directory (directory.py): the people and groups a council's IT team
would have made in its Entra ID, seeded the first time the directory starts with an empty state file.

The ids are fixed, as a real tenant's object ids are: York's demo settings
(doorstep_cli/demo/councils/york.json, `staff_sign_in`) name the tenant, the client and the groups by
them, and tests/local/test_local_directory_demo.py checks that the two agree. Every group but "All staff"
is mapped to a desk there; Nina Berg, in "All staff" alone, signs in and is told she has no desk."""
from __future__ import annotations

TENANT = "fb02c101-484c-48e9-b758-00b86ac491ad"  # York's "Directory (tenant) ID"
CLIENT_ID = "539c88b2-e7ed-4149-afad-e7b45b2a65da"  # Doorstep's "Application (client) ID" in it
DOMAIN = "york.example"

# (object id, display name, description): as `GET /v1.0/groups` lists them
GROUPS = [
    ("083b93f2-1744-4b9e-9b29-53dbbefe3255", "Customer Services", "Contact centre and reception"),
    ("81bbd79d-05b9-4ee0-a629-3294d88ca4e7", "Street Scene", "Street cleaning, fly-tipping, graffiti"),
    ("e34b1cab-ea53-4f97-9014-df7fd8177dfb", "Revenues and Benefits", "Council tax and benefits"),
    ("9f697d1c-80f0-49e8-9121-42929cd74409", "Finance", "Payments and income"),
    ("23401eed-c2b1-4b81-8fbd-aae5d7a10d7b", "Democratic Services", "Committees, meetings and petitions"),
    ("3e81e4bb-60fa-4144-9ee0-0fca68061c5a", "Consultations", "Public consultations"),
    ("b2831364-4294-4844-9b5b-01b710b4e882", "Community Halls", "Hall bookings"),
    ("ebfd81bd-a4ee-4e5d-acbf-da74b75de002", "Forms", "Online forms"),
    ("86771f37-4a03-456a-85b7-a5b681b0ca0b", "Planning", "Planning applications"),
    ("86c16c7d-9919-47c0-b26e-fb2c606dfb44", "Housing Repairs", "Council homes' repairs"),
    ("6a92cb87-0800-4ac6-80ab-cb8331c0dc43", "North Crew", "Street crew, north of the river"),
    ("4fc0ac63-6f9f-41b1-8263-817e5d165eb2", "Doorstep Administrators", "Administer the council's Doorstep"),
    ("6533521a-cb36-4c90-8c67-5e3deb127354", "All Staff", "Everyone employed by the council"),
]

# (object id, user principal name, given name, surname, group display names)
PEOPLE = [
    ("bc9c6416-6ab8-40a8-bf6c-681143c121b3", "asha.patel", "Asha", "Patel", ["Street Scene", "All Staff"]),
    ("2715cd35-c068-4d39-b86a-7c62b260ab57", "tom.hughes", "Tom", "Hughes",
     ["Revenues and Benefits", "Finance", "All Staff"]),
    ("5d1a5fda-295d-46af-bd9d-5db6a05bf930", "grace.okafor", "Grace", "Okafor",
     ["Customer Services", "Consultations", "All Staff"]),
    ("2b825a4b-b0fb-4154-a0ce-2296bd70cf26", "liam.walsh", "Liam", "Walsh", ["North Crew", "All Staff"]),
    ("7fc0ad53-eb32-4c1a-a369-7d5148586670", "priya.shah", "Priya", "Shah",
     ["Doorstep Administrators", "Democratic Services", "All Staff"]),
    ("f5a5d084-aa16-48d3-8d1d-5d1749061807", "ben.clarke", "Ben", "Clarke",
     ["Housing Repairs", "Planning", "All Staff"]),
    ("7842ea0b-152c-49a3-9a9e-cf8abd032002", "sam.reid", "Sam", "Reid", ["Community Halls", "Forms", "All Staff"]),
    ("c4d2d4e9-b536-4c5d-a052-75df4fce7618", "nina.berg", "Nina", "Berg", ["All Staff"]),
]


def seed() -> tuple[list[dict], list[dict]]:
    """(users, groups) in the shapes directory_people.py keeps: Microsoft Graph's user and group."""
    by_name = {name: oid for oid, name, _ in GROUPS}
    groups = [{"id": oid, "displayName": name, "description": about, "members": []} for oid, name, about in GROUPS]
    members = {g["id"]: g["members"] for g in groups}
    users = []
    for oid, nick, given, surname, in_groups in PEOPLE:
        upn = f"{nick}@{DOMAIN}"
        users.append({"id": oid, "userPrincipalName": upn, "mail": upn, "givenName": given, "surname": surname,
                      "displayName": f"{given} {surname}", "accountEnabled": True})
        for name in in_groups:
            members[by_name[name]].append(oid)
    return users, groups
