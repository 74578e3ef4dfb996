"""Create and verify every table from the models.

A table that exists but lacks an index a newer model declares (an older
deployment, or a local database from before the change) gets the index added,
so `doorstep tables` brings any stage up to the code.
"""
from . import binding, due
# Importing the model modules declares them (binding.models() finds them), in this order.
from . import outbox, counters, councils  # noqa: F401
from .accounts import accounts, grants, presence  # noqa: F401
from .places import addresses, bins, facilities, wards  # noqa: F401
from .alerts import alerts, broadcasts  # noqa: F401
from .staff import audit, due_rules, inbox, open311_keys, response_templates, teams  # noqa: F401
from .crews import jobs, questionnaires  # noqa: F401
from .reports import reports, services, uploads, stats, supporters, reports_elsewhere  # noqa: F401
from .bodies import bodies, body_polls, sends  # noqa: F401
from .waste import bulky, garden, missed_bins, payments, containers  # noqa: F401
from .hire import hire  # noqa: F401
from .licensing import licensing  # noqa: F401
from .conversations import conversations, sockets  # noqa: F401
from .democracy import petitions, democracy, participation  # noqa: F401
from .planning import planning  # noqa: F401
from .forms import form_submissions, forms, consultation_responses, consultations  # noqa: F401
from .revenues import landlords, revenue_requests, revenues, bills, moves  # noqa: F401
from .schools import schools, applications, allocations  # noqa: F401
from .appointments import appointments  # noqa: F401
from .repairs import repair_communal, repairs  # noqa: F401
from .feedback import feedback  # noqa: F401
from .business import starts  # noqa: F401
from .directory import models as directory  # noqa: F401
from .retention import runs  # noqa: F401


def ensure_tables(wait=True):
    """Create missing tables and indexes; returns {table name: what was done}."""
    binding.bind()
    result, enrol = {}, False
    for model in binding.models():
        name = model.Meta.table_name
        if not model.exists():
            model.create_table(wait=wait)
            result[name] = "created"
            # (a table made without waiting takes no writes yet)
            enrol = enrol or (model is presence.PresenceModel and wait)
            continue
        added = _add_missing_indexes(model)
        result[name] = f"exists; added index {', '.join(added)}" if added else "exists"
        if added and model is reports.ReportModel:
            # Items written before the index lack its keys: the index would miss them.
            from .reports.report_store import ReportStore
            changed = ReportStore().add_missing_keys()
            if changed:
                result[name] += f"; {changed} reports given the new keys"
        if due.INDEX in added and model in _due_keys():
            # Records whose event came before the retention sweep: put on its due index from that event.
            what, store = _due_keys()[model]
            changed = store().add_due_keys()
            result[name] += f"; {changed} {what} put on the due index" if changed else ""
        if added and model is inbox.InboxModel:
            # Rows written before the index lack its key: write every report's rows again.
            from .reports.report_store import ReportStore
            result[name] += f"; {ReportStore().reindex_inbox()} reports' inbox rows rewritten"
        if added and model is repair_communal.CommunalModel:
            # "Me too" rows written before the by_tenant index lack its key: erasure and export would miss them.
            changed = repair_communal.CommunalStore().add_missing_keys()
            result[name] += f"; {changed} me too rows given their tenant" if changed else ""
        if "listing" in added:
            from .listing import add_missing_listing
            changed = add_missing_listing(model)
            result[name] += f"; {changed} items given the listing key" if changed else ""
        if added and model is services.ServiceModel:
            changed = services.ServiceStore().add_missing_keys()
            result[name] += f"; {changed} categories given the catalogue key" if changed else ""
    if enrol:
        # Accounts from before the presence table: counted as used now at each council they know (retention's
        # sweep). After every table is made: the users' table sorts after it, and a fresh stage has none yet.
        from ..ids import utc_now
        made = presence.PresenceStore.enrol_existing(utc_now())
        result[presence.PresenceModel.Meta.table_name] += f"; {made} accounts' last use counted from now" if made else ""
    return result


def _due_keys():
    """Each kind the retention sweep reads from its due index: (what its records are, in words; its store,
    whose add_due_keys puts records from before the index on it: reports from when they closed, chats from
    their last word (their closing, or the last message of one never closed), payments from their last change,
    repairs from when they were done or last changed when cancelled)."""
    from .reports.report_store import ReportStore
    return {reports.ReportModel: ("closed reports", ReportStore),
            conversations.ConversationModel: ("chats", conversations.ConversationStore),
            payments.PaymentModel: ("finished payments", payments.PaymentStore),
            repairs.RepairModel: ("closed repairs", repairs.RepairStore)}


def _add_missing_indexes(model):
    client = model._get_connection().connection.client
    table = client.describe_table(TableName=model.Meta.table_name)["Table"]
    present = {i["IndexName"] for i in table.get("GlobalSecondaryIndexes", [])}
    schema = model._get_schema()
    added = []
    for index in schema["global_secondary_indexes"]:
        if index["index_name"] in present:
            continue
        # Send every definition the table keeps, not only the new index's:
        # DynamoDB merges them, but moto (the tests) replaces them.
        known = {d["AttributeName"]: d for d in table.get("AttributeDefinitions", [])}
        known.update({d["AttributeName"]: d for d in index["attribute_definitions"]})
        client.update_table(
            TableName=model.Meta.table_name,
            AttributeDefinitions=list(known.values()),
            GlobalSecondaryIndexUpdates=[{"Create": {
                "IndexName": index["index_name"], "KeySchema": index["key_schema"],
                "Projection": index["projection"]}}])
        added.append(index["index_name"])
        table = client.describe_table(TableName=model.Meta.table_name)["Table"]
    return added
