"""Every model's data map declaration (storage/data_map.py), for the record of processing and the
privacy notice (handlers/privacy/). Apart from data_map.py, which every model module imports: this
one imports every model module, so it is a route's cost, never an import's."""
from . import tables  # noqa: F401  (declares every model)
from .binding import models, short_name
from .data_map import declared


def every_declaration():
    """[(table, declaration)] of every model, in the tables' order."""
    return [(short_name(model), declared(model)) for model in models()]
