"""The template merged into what `chalice package` generates (Chalice's own
part: the API, its functions and their log groups). Each module adds the
resources of one concern; `merge_template()` puts them together."""
from . import alarms, functions, parameters, photos, secrets, site, sockets, tables


def merge_template(app):
    """The merge template for Chalice app `app`, as a dict."""
    resources, outputs = {}, {}
    for part in (tables, photos, secrets, functions, sockets, site, alarms):
        r, o = part.resources(app)
        clash = resources.keys() & r.keys()
        assert not clash, f"two parts define {clash}"
        resources.update(r)
        outputs.update(o)
    return {
        "Description": "Doorstep: a council's resident app (API, tables, photos, web app, alerts).",
        "Parameters": parameters.PARAMETERS,
        "Conditions": parameters.CONDITIONS,
        "Resources": resources,
        "Outputs": {name: {"Value": value} for name, value in outputs.items()},
    }

