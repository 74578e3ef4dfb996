"""A copy of what moto's DynamoDB holds, to start again from it: items are
copied, tables keep their definitions. Every other service starts from
nothing, as after conftest's empty_aws."""
import copy


def _tables():
    from moto.core.base_backend import BackendDict
    for service in list(BackendDict._instances):
        if service.service_name == "dynamodb":
            for account in service.values():
                for region in account.values():
                    yield from region.tables.items()


def taken():
    """{table name: (its items, its stream's records)}, copied."""
    return {name: copy.deepcopy((table.items, table.stream_shard.items if table.stream_shard else None))
            for name, table in _tables()}


def restore(snapshot):
    """moto emptied (conftest's empty_aws) and the snapshot's items put back, copied again
    so that the next restore starts from the same; a table made since is left empty."""
    from conftest import empty_aws
    empty_aws()
    for name, table in _tables():
        if name in snapshot:
            items, records = copy.deepcopy(snapshot[name])
            table.items.update(items)
            if table.stream_shard is not None and records is not None:
                table.stream_shard.items = records
