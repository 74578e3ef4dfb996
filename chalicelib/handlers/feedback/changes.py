""""You said, we did" (issue 72, item 3): an officer of a service writes what changed
because of its comments, and it is published on the service's page. The same
words sent again (a retry) are the same change. The public view names no officer."""
from ... import ids, validation
from ...errors import ValidationFailed
from ...stamps import stamp
from .desk import opened
from .services import SERVICES
from .wording import NOT_A_CHANGE_FIELD, NOT_A_SERVICE, NOT_AN_OBJECT

SAID_MOST, DID_MOST = 600, 1200


def publish(deps, service, body):
    """(the change's public view, created)."""
    opened(deps, service)
    if not isinstance(body, dict):
        raise ValidationFailed([("body", NOT_AN_OBJECT)])
    problems = validation.Problems()
    said = validation.text(body.get("you_said"), "you_said", problems, min_len=1, max_len=SAID_MOST)
    did = validation.text(body.get("we_did"), "we_did", problems, min_len=1, max_len=DID_MOST)
    for name in sorted(set(body) - {"you_said", "we_did"}):
        problems.add(name, NOT_A_CHANGE_FIELD)
    problems.raise_if_any()
    caller = deps.principal
    change, created = deps.changes.publish({
        "service": service, "change_id": ids.digest(f"{said}\n{did}")[:24], "you_said": said, "we_did": did,
        "published_at": deps.clock(), "published_by": caller.email or caller.user_id})
    return public(change), created


def published(deps, service):
    if service not in SERVICES:
        raise ValidationFailed([("service", NOT_A_SERVICE.format(services=", ".join(SERVICES)))])
    return {"service": service, "changes": [public(c) for c in deps.changes.of_service(service)]}


def public(change):
    return {"you_said": change.you_said, "we_did": change.we_did, "published_at": stamp(change.published_at)}
