"""The demo council's open petition: a newcomer to `make run` finds one to
sign and follow at once, rather than a list that is empty until they start,
sponsor and publish one themselves. Stored as a published petition would be
(open, with its closing day and a moderation note), once."""
import json
from datetime import timedelta

from doorstep_cli.demo_files import DEMO_DIR

DEMO_PETITION = "PT-TREES2"  # in the ids' alphabet (no 0, 1, O, I)


def demo_petitions(deps):
    """Store the demo petition unless it is there already; returns how many were written."""
    if deps.petitions.get(DEMO_PETITION) is not None:
        return 0
    from chalicelib import ids
    from chalicelib.config import petitions as petition_settings
    from chalicelib.storage.democracy.petitions import Petition
    words = json.loads((DEMO_DIR / "petitions.json").read_text())
    # Stamped now, not with deps.clock: demo_reports leaves it at a report's back-dated time.
    now = ids.utc_now()
    found = deps.wards.at_point(words["lon"], words["lat"]) if deps.wards is not None else None
    petition = Petition(id=DEMO_PETITION, state="open", creator_id="demo", sponsor_token=deps.new_token(),
                        created_at=now, opened_at=now, ward=found.name if found else None,
                        closes_at=now + timedelta(days=petition_settings()["open_days"]),
                        moderation={"decision": "published", "note": "Demo data", "by": "demo",
                                    "at": now.isoformat()}, **words)
    deps.petitions.create(petition)
    return 1
