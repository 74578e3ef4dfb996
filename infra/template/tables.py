"""Every DynamoDB table, generated from the PynamoDB models (through
chalicelib.storage.schema), so a model's new index or TTL reaches AWS by
the next deploy with nothing written twice."""
from chalicelib.councils.offboarding.steps import POINT_IN_TIME_DAYS

from .cfn import sub

# Tables outlive the stack: deleting or replacing one would lose residents' reports.
KEEP = {"DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain"}


def logical_id(short_name):
    return "".join(part.capitalize() for part in short_name.split("-")) + "Table"


def schemas():
    from chalicelib.storage.schema import table_schemas
    return table_schemas()


def resources(app):
    out = {}
    for table in schemas():
        if table["billing_mode"] != "PAY_PER_REQUEST":
            raise ValueError(f"{table['name']}: the template makes on-demand tables only")
        props = {
            "TableName": sub(f"doorstep-${{Stage}}-{table['name']}"),
            "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": table["attributes"],
            "KeySchema": table["keys"],
            # Backups a council's deleted data stays in, and the date its deletion's report gives
            # (councils/offboarding/steps.backups): AWS's most, said, not left to a default.
            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True,
                                                 "RecoveryPeriodInDays": POINT_IN_TIME_DAYS},
            "SSESpecification": {"SSEEnabled": True},  # KMS, with DynamoDB's AWS-managed key
            "DeletionProtectionEnabled": True,
        }
        if table["global_indexes"]:
            props["GlobalSecondaryIndexes"] = table["global_indexes"]
        if table["local_indexes"]:
            props["LocalSecondaryIndexes"] = table["local_indexes"]
        if table["ttl"]:
            props["TimeToLiveSpecification"] = {"AttributeName": table["ttl"], "Enabled": True}
        if table["stream"]:
            props["StreamSpecification"] = {"StreamViewType": table["stream"]}
        out[logical_id(table["name"])] = {"Type": "AWS::DynamoDB::Table", **KEEP, "Properties": props}
    return out, {}
