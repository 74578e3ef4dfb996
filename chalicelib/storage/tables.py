"""Create and verify every table from the models.

A table that exists but lacks an index a newer model declares (an older
deployment, or a local database from before the change) gets the index added,
so `doorstep tables` brings any stage up to the code.
"""
from . import binding
# Importing the model modules declares them (binding.models() finds them).
from . import (accounts, addresses, alerts, audit, bins, broadcasts, due_rules, facilities, inbox,  # noqa: F401
               jobs, open311_keys, outbox, reports, response_templates, services, teams, uploads, wards)
from . import bodies, body_polls, counters, questionnaires, sends, stats  # noqa: F401
from . import bulky, garden, missed_bins, payments  # noqa: F401
from . import containers, hire  # noqa: F401
from . import conversations, sockets  # noqa: F401
from . import petitions  # noqa: F401
from . import democracy  # noqa: F401
from . import planning  # noqa: F401
from . import participation  # noqa: F401
from . import supporters  # noqa: F401
from . import form_submissions, forms  # noqa: F401
from . import consultation_responses, consultations  # noqa: F401
from . import landlords, revenue_requests, revenues  # noqa: F401
from . import appointments  # noqa: F401
from . import bills  # noqa: F401
from . import repair_communal, repairs  # noqa: F401
from . import moves  # noqa: F401
from . import councils, grants  # noqa: F401
from . import reports_elsewhere  # noqa: F401
from . import feedback  # noqa: F401


def ensure_tables(wait=True):
    """Create missing tables and indexes; returns {table name: what was done}."""
    binding.bind()
    result = {}
    for model in binding.models():
        name = model.Meta.table_name
        if not model.exists():
            model.create_table(wait=wait)
            result[name] = "created"
            continue
        added = _add_missing_indexes(model)
        result[name] = f"exists; added index {', '.join(added)}" if added else "exists"
        if added and model is reports.ReportModel:
            # Items written before the index lack its keys: the index would miss them.
            from .report_store import ReportStore
            changed = ReportStore().add_missing_keys()
            if changed:
                result[name] += f"; {changed} reports given the new keys"
        if added and model is inbox.InboxModel:
            # Rows written before the index lack its key: write every report's rows again.
            from .report_store import ReportStore
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
    return result


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
