"""Create and verify every table from the models."""
from . import binding
# Importing the model modules registers them with `binding`.
from . import reports, services, uploads  # noqa: F401


def ensure_tables(wait=True):
    """Create missing tables; returns {table name: "created" | "exists"}."""
    binding.bind()
    result = {}
    for model in binding.models():
        if model.exists():
            result[model.Meta.table_name] = "exists"
        else:
            model.create_table(wait=wait)
            result[model.Meta.table_name] = "created"
    return result


def describe_tables():
    """{table name: item count estimate or None when missing}."""
    binding.bind()
    out = {}
    for model in binding.models():
        out[model.Meta.table_name] = model.describe_table().get("ItemCount") if model.exists() else None
    return out
