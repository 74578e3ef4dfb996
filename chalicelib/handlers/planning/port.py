"""The Planning port: what Doorstep asks of a council's planning register, in
plain values (ISO dates, words as the register gives them, no HTML).

One adapter per way of reading it: idox/ reads Idox Public Access's pages as
a browser does (it has no API), planit/ reads PlanIt's JSON. Configuration
chooses (backoffice.configured). Residents never read an adapter: the
scheduled sync (sync.py) copies what changed into our own table.

A page the adapter cannot read as it expects (a changed shape, an error page
served with 200, a firewall's challenge), or an application without a value
every application has (REQUIRED), is a PlanningError, never a guess: the sync
keeps its last copy and tells staff.
"""
from dataclasses import dataclass
from typing import Protocol

VALIDATED, DECIDED = "validated", "decided"  # the two weekly lists
REQUIRED = ("reference", "address", "proposal", "status")  # a copy without one of these is not stored


class PlanningError(Exception):
    """The register could not answer usefully. `kind`: unreachable (refused,
    timed out, an HTTP error, 429 after our back-off), asleep (inside its
    overnight window: not asked), blocked (a challenge page), changed (a page
    of a shape we do not read, or an error page served with 200), incomplete
    (an application without REQUIRED values: `missing` names them)."""

    def __init__(self, kind, detail="", missing=()):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind, self.detail, self.missing = kind, detail, list(missing)


def lacking(values):
    """The REQUIRED values a register's answer ({field: value}) left out or empty; a PlanningError for them, or None."""
    missing = [field for field in REQUIRED if not values.get(field)]
    return PlanningError("incomplete", f"no {', '.join(missing)}", missing) if missing else None


@dataclass(frozen=True)
class Listed:
    """One application as a weekly list or a search shows it."""
    key: str  # the register's own opaque key (Idox keyVal, PlanIt uid)
    reference: str
    proposal: str
    address: str
    status: str = ""
    validated: str = ""  # YYYY-MM-DD, "" when not shown


@dataclass(frozen=True)
class Application:
    """One application as its own pages give it; "" for what the register does not say."""
    key: str
    reference: str
    proposal: str
    address: str
    status: str = ""
    decision: str = ""
    decided: str = ""  # YYYY-MM-DD: the decision issued
    validated: str = ""
    received: str = ""
    consultation_ends: str = ""  # YYYY-MM-DD: the later of neighbour and standard consultation expiry
    appeal_status: str = ""
    app_type: str = ""  # householder, full, listed building, trees... as the register words it
    ward: str = ""
    lat: float | None = None  # where the register gives a point (PlanIt); Idox's are placed by address
    lon: float | None = None
    link: str = ""  # the application's page at the register
    comment_link: str = ""  # where a resident comments, on the register itself


class Planning(Protocol):
    calls: int  # requests made by this instance (a sync's cost, reported)

    def weekly_list(self, monday: str, kind: str, ward: str = "") -> list:
        """Listed applications validated (kind VALIDATED) or decided (DECIDED) in the week beginning `monday`."""

    def application(self, key: str, with_type: bool = True) -> Application:
        """`with_type=False`: the sync holds its type already (Idox gives it on a third tab, asked once)."""

    def near(self, lat: float, lon: float, radius_m: float) -> list:
        """Listed applications near a point, where the register can be asked so (PlanIt); [] where not."""
