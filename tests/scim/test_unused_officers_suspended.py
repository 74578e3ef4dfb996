"""Without SCIM, an officer who has not signed in at the council for its unused_days is suspended by its
nightly schedule: their grant taken, their sessions ended, a line in the provisioning log; once, whatever the
number of runs; a break-glass grant, a recent sign-in and a council with SCIM are let be."""
from datetime import timedelta

from chalicelib import tenancy
from chalicelib.handlers.accounts import auth, users
from chalicelib.handlers.scim.unused import suspend_unused
from support.councils_support import YORK_HOST, add, at, york
from support.scim_support import grant_of, log, staff_sign_in

DAYS = 90


def _york(deps, scim=False):
    section = {**staff_sign_in(), "unused_days": DAYS}
    if not scim:
        section.pop("scim")
    add(deps, {**york(), "staff_sign_in": section})


def _officer(deps, email, last_signed_in, break_glass=False):
    user = users.create_user(deps, email, "staff", name=email.split("@")[0], roles=["street_scene"])
    grant = deps.grants.get(user.id)
    grant.last_signed_in, grant.break_glass = last_signed_in, break_glass
    deps.grants.put(grant, deps.accounts.user(user.id))
    tokens = auth.start_session(deps, deps.accounts.user(user.id), deps.clock())
    return user, at(YORK_HOST, {"Authorization": f"Bearer {tokens['access_token']}"})


def test_an_officer_unused_for_the_councils_period_is_suspended_once_and_the_others_are_let_be(client, deps):
    _york(deps)
    now = deps.clock()
    idle, idle_auth = _officer(deps, "idle@york.gov.uk", now - timedelta(days=DAYS + 1))
    recent, recent_auth = _officer(deps, "recent@york.gov.uk", now - timedelta(days=DAYS - 1))
    glass, _ = _officer(deps, "glass@york.gov.uk", now - timedelta(days=400), break_glass=True)
    assert suspend_unused(deps.for_council()) == {"suspended": 1}
    assert grant_of(deps, idle.id) is None
    assert client.get("/v1/staff/desks", idle_auth).status_code == 401
    assert grant_of(deps, recent.id) is not None and grant_of(deps, glass.id) is not None
    assert client.get("/v1/staff/desks", recent_auth).status_code == 200
    assert log(deps) == [("suspended", "idle@york.gov.uk", None)]
    assert suspend_unused(deps.for_council()) == {"suspended": 0} and len(log(deps)) == 1


def test_a_council_with_scim_leaves_its_leavers_to_its_directory(client, deps, monkeypatch):
    monkeypatch.setenv("DOORSTEP_SECRET_YORK_SCIM_TOKEN", "t" * 40)
    _york(deps, scim=True)
    idle, _ = _officer(deps, "idle@york.gov.uk", deps.clock() - timedelta(days=DAYS * 3))
    assert suspend_unused(deps.for_council()) == {"suspended": 0} and grant_of(deps, idle.id) is not None


def test_the_schedule_reads_only_what_is_due(client, deps):
    """The grants' idle index is asked for those last used before the cut-off: a recent officer is not read."""
    _york(deps)
    now = deps.clock()
    _officer(deps, "idle@york.gov.uk", now - timedelta(days=DAYS + 5))
    for n in range(3):
        _officer(deps, f"recent{n}@york.gov.uk", now - timedelta(days=n))
    with tenancy.acting_for("york"):
        assert len(deps.grants.unused_before(now - timedelta(days=DAYS), 50)) == 1


def test_a_sign_in_moves_when_the_officer_was_last_used_and_leaves_the_grants_version_as_it_was(client, deps):
    _york(deps)
    now = deps.clock()
    user, _ = _officer(deps, "returning@york.gov.uk", now - timedelta(days=DAYS + 30))
    grant = deps.grants.get(user.id)
    deps.grants.signed_in(grant, now)
    again = deps.grants.get(user.id)
    assert (again.version, again.last_signed_in) == (grant.version, now)
    assert suspend_unused(deps.for_council()) == {"suspended": 0} and grant_of(deps, user.id) is not None
