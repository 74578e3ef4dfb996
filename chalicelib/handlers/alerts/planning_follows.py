"""An alert that follows one planning application (kind `planning`): told when
it is decided, withdrawn or appealed (handlers/planning/notices.py reads its
key). The application is looked up in our copy of the register, the
planning store, never through the planning capability (it sits above)."""
import re

from ...errors import NotFound
from ... import validation
from .wording import APPLICATION_ID_REQUIRED, NO_SUCH_APPLICATION

APPLICATION_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")  # planning/ids.py: a reference as one path segment


def planning_key(app_id):
    return f"planning#{app_id}"


def planning_target(deps, value):
    """({application_id, reference}, [its one index row]) or a 422/404."""
    if not isinstance(value, str) or not value.strip():
        raise validation.broken_rules([("application_id", APPLICATION_ID_REQUIRED)])
    found = deps.planning.get(value) if APPLICATION_ID.match(value) and deps.planning is not None else None
    if found is None:
        raise NotFound(NO_SUCH_APPLICATION.format(application_id=value), code="application_not_found")
    return ({"application_id": found["id"], "reference": found["reference"]},
            [(planning_key(found["id"]), None, None, None)])
