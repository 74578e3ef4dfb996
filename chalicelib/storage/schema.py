"""Every table as the models declare it, in plain values, for code that
builds tables elsewhere (the CloudFormation template) without PynamoDB."""
from . import tables  # noqa: F401  (importing it declares every model)
from .binding import models, short_name


def table_schemas():
    """[{name, attributes, keys, global_indexes, local_indexes, ttl, stream, billing_mode}]
    with DynamoDB's own key names (AttributeName, KeyType...); `name` is the
    short name (`events`), the stage prefix is the caller's."""
    out = []
    for model in models():
        short = short_name(model)
        schema = model._get_schema()
        ttl = model._ttl_attribute()
        out.append({
            "name": short,
            "attributes": sorted(schema["attribute_definitions"], key=lambda a: a["AttributeName"]),
            "keys": _hash_first(schema["key_schema"]),
            "global_indexes": [_index(i) for i in schema["global_secondary_indexes"]],
            "local_indexes": [_index(i) for i in schema["local_secondary_indexes"]],
            "ttl": ttl.attr_name if ttl else None,
            "stream": getattr(model.Meta, "stream_view_type", None),
            "billing_mode": getattr(model.Meta, "billing_mode", "PROVISIONED"),
        })
    return out


def _hash_first(keys):
    # DynamoDB wants the partition key first; PynamoDB lists them in attribute order.
    return sorted(keys, key=lambda k: k["KeyType"] != "HASH")


def _index(index):
    projection = {k: v for k, v in index["projection"].items() if v}
    return {"IndexName": index["index_name"], "KeySchema": _hash_first(index["key_schema"]),
            "Projection": projection}
