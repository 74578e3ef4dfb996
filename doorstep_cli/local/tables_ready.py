"""A quick look at whether every model's table and index exists already.

At a warm start nothing needs creating, but checking model by model builds a
botocore client per model and asks twice per table: seconds on a busy
machine. One client asking for all tables at once answers in a fraction of
that; only when something is missing does the caller run the full check.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor


def all_tables_ready() -> bool:
    import botocore.session
    from botocore.exceptions import ClientError
    from chalicelib.storage import binding
    from chalicelib.storage.tables import ensure_tables  # noqa: F401 (imports every model)
    s = binding.bind()
    client = botocore.session.get_session().create_client(
        "dynamodb", region_name=s.region, endpoint_url=s.dynamodb_endpoint)

    def ready(model) -> bool:
        try:
            table = client.describe_table(TableName=model.Meta.table_name)["Table"]
        except ClientError:
            return False
        present = {index["IndexName"] for index in table.get("GlobalSecondaryIndexes", [])}
        wanted = {index["index_name"] for index in model._get_schema()["global_secondary_indexes"]}
        return wanted <= present

    with ThreadPoolExecutor(8) as pool:
        return all(pool.map(ready, binding.models()))
