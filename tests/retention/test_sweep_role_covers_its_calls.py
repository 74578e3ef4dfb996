"""The retention sweep's IAM role (infra/template/access.py SWEEPER_TABLES) allows every table and action
the sweep was seen to call: a street report anonymised with its follow, "me too", private note and hidden
photo; a closed chat deleted with its messages, photo and links, and one never closed closed first (its officer's
place freed); a payment's payer anonymised; a block's repair anonymised with its photo, its priority's reason, a
neighbour's "me too" and its tenant's comment; an unused resident with a report and an alert warned and then
removed at the council. A role left
behind the code fails here, not in AWS at 03:45."""
import collections
from datetime import timedelta

from conftest import pothole
from support.retention_support import answered, closed_chat, closed_repair, paid, sweep_at, york_keeping

ACTIONS = {"GetItem": "GetItem", "Query": "Query", "BatchGetItem": "BatchGetItem", "PutItem": "PutItem",
           "Put": "PutItem", "UpdateItem": "UpdateItem", "Update": "UpdateItem", "DeleteItem": "DeleteItem",
           "Delete": "DeleteItem", "ConditionCheck": "ConditionCheckItem", "BatchWriteItem": "BatchWriteItem",
           "Scan": "Scan"}


def _recording(monkeypatch):
    from chalicelib.storage import binding
    seen, original = collections.defaultdict(set), binding._Connection._make_api_call

    def record(self, operation, kwargs):
        if operation == "TransactWriteItems":
            for item in kwargs["TransactItems"]:
                (kind, body), = item.items()
                seen[body["TableName"]].add(ACTIONS[kind])
        elif "TableName" in kwargs:
            seen[kwargs["TableName"]].add(ACTIONS[operation])
        for table in kwargs.get("RequestItems") or {}:
            seen[table].add(ACTIONS[operation])
        return original(self, operation, kwargs)
    monkeypatch.setattr(binding._Connection, "_make_api_call", record)
    return seen


def test_the_sweepers_role_allows_every_call_the_sweep_makes(client, deps, people, monkeypatch):
    from infra.template.access import CHANGE, CREATE, READ, WRITE, SWEEPER_TABLES
    from support.retention_support import anonymised_in_full
    york_keeping(deps, months=12, payments=12, repairs=12, unused_account_months=12, warn_days=30)
    resident = people("resident", email="old@example.org")
    mine = client.post("/v1/reports", pothole(), resident.auth)  # theirs, with its follow
    assert mine.status_code == 201, mine.json_body
    rid = anonymised_in_full(client, deps, people)
    chat = closed_chat(deps, deps.clock(), deps.clock() + timedelta(minutes=5), photo="chat-bin.jpg")
    idle = closed_chat(deps, deps.clock(), None)  # never closed: the sweep closes it, its officer's place freed
    deps.conversations.take(idle, "olu", "Olu", 5, deps.clock())
    payment = paid(deps, deps.clock(), deps.clock() + timedelta(minutes=5))
    repair = _block_repair_with_everything(deps)
    seen = _recording(monkeypatch)
    now = deps.clock() + timedelta(days=800)
    run = sweep_at(deps, now)
    assert run.counts["accounts_warned"]["warned"] >= 1 and run.counts["chats"]["deleted"] == 2
    assert run.counts["payments"]["anonymised"] >= 1 and deps.payments.get(payment).email is None
    assert deps.conversations.get(chat) is None and deps.conversations.get(idle) is None
    assert deps.reports.get(rid).retained
    assert run.counts["repairs"]["anonymised"] == 1 and deps.repairs.get(repair).retained
    assert sweep_at(deps, now + timedelta(days=31)).counts["accounts_removed"]["removed"] >= 1
    assert deps.accounts.user(resident.user.id) is None
    levels = {"read": READ, "create": READ + CREATE, "change": READ + CHANGE, "read-write": READ + WRITE}
    allowed = {f"test-{t}": {a.split(":")[1] for a in levels[level]} for t, level in
               {**SWEEPER_TABLES, "councils": "read"}.items()}
    refused = {table: sorted(actions - allowed.get(table, set())) for table, actions in seen.items()
               if actions - allowed.get(table, set())}
    assert refused == {}
    # ...and it saw the deletes anonymising and removing make, not only reads
    for table in ("supporters", "alerts", "alert-index", "account-presence", "users", "identities", "conversations"):
        assert "DeleteItem" in seen[f"test-{table}"], table
    assert "UpdateItem" in seen["test-report-audit"] and "PutItem" in seen["test-reports"]
    assert "UpdateItem" in seen["test-payments"]
    assert "PutItem" in seen["test-repairs"] and "DeleteItem" in seen["test-repair-communal"]
    assert "UpdateItem" in seen["test-questionnaires"] and deps.questionnaires.get(repair).answer["comment"] is None
    assert "BatchWriteItem" in seen["test-conversation-messages"] and "BatchWriteItem" in seen["test-conversation-links"]


def _block_repair_with_everything(deps):
    """A done repair to Dev's block's stair light, with a photo, a priority's reason in its audit, Sam's
    "me too" and Dev's answer to how it went: its id."""
    from chalicelib.storage.records import AuditEntry
    made = deps.clock()
    rid = closed_repair(deps, made, None, photo="f" * 32 + ".jpg", block="hull-road-4", location="communal",
                        problem="lighting", issue="stair_light")
    deps.communal.me_too(rid, "u-sam", made)
    repair = deps.repairs.get(rid)
    repair.priority_reason = "Sam fell on the stairs"
    deps.repairs.changed(repair, repair.seq, audit=AuditEntry(
        report_id=rid, seq=repair.seq + 1, action="priority", by_user_id="olu", created_at=made,
        changes={"reason": {"before": None, "after": "Sam fell on the stairs"}}))
    from chalicelib.handlers.repairs.closing import done
    done(deps.replace(clock=lambda: made + timedelta(minutes=5)), rid, {"what": "Bulb replaced"})
    answered(deps, rid, "The stairs are bright again", made + timedelta(minutes=10))
    return rid
