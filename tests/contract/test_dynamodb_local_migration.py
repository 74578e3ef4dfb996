"""tests/councils/test_migration.py again, on DynamoDB Local instead of moto: the conditions
that keep a move to one item (a put on a free key, a delete of the item as read, compared
attribute by attribute, maps and lists whole), the Scan's pages and the events' own stream;
and a migration killed with SIGKILL midway, in a process of its own, then run again."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("councils/test_migration.py", globals())


def test_a_migration_killed_with_sigkill_midway_completes_when_run_again(client, deps, doorstep, capsys):
    from chalicelib import faults
    from chalicelib.storage.migration import MOVED
    from support.kill_support import killed_at
    from support.migration_support import as_held_now, council_of_every_key, council_tables, items, key_names, table
    before = york_before_councils(client, deps)  # noqa: F821 (rerun's)
    arrived = []

    def migration_dying_at_its_fifth_item():
        armed = faults.boundary

        def fifth(name):
            arrived.append(name)
            if len(arrived) == 5:
                armed(name)
        faults.boundary = fifth
        doorstep("councils", "migrate", "--into", "york")
    killed_at("migration.moved", migration_dying_at_its_fifth_item)
    assert unexpired(as_held_now(marks={MOVED})) == unexpired(before.held)  # noqa: F821 (rerun's): each item once
    in_york = [t for t in council_tables() for item in items(t)
               if any(item[k].get("S", "").startswith("york|") for k in key_names(t))]
    assert len(in_york) == 5  # the fifth was committed before the process died

    assert doorstep("councils", "migrate", "--into", "york") == 0
    assert unexpired(as_held_now(marks={MOVED})) == unexpired(before.held)  # noqa: F821 (rerun's)
    assert council_of_every_key(table("reports"), ["id", "user_id", "geo_pk"]) == {"york"}
    mine = client.get("/v1/me/reports", {"Host": "york.localhost", **before.bearer})
    assert [r["id"] for r in mine.json_body["reports"]] == [before.report["id"]]
