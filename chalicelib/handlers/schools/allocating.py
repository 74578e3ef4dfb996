"""The admissions desk's allocation run: every application of the round read once (one paged Query
of the round's index), the schools and a draw, through allocation.allocate; its offers and waiting
lists kept in the round's partition under a new run id, never the parents'. A run may be made again
(with a fresh draw, or with an earlier run's seed: the same inputs then give the same offers) until the
round's offers are released."""
import hashlib
import secrets

from ... import ids, validation
from ...errors import Conflict, NotFound, Unacceptable
from ...stamps import stamp
from . import wording
from .allocation import allocate
from .applying import round_of


def new_run_id():
    return "RUN-" + "".join(secrets.choice(ids.ALPHABET) for _ in range(10))


def run(deps, round_id, body):
    """POST /v1/staff/school-rounds/{round}/runs: {"seed_of": run id} runs again with that run's draw."""
    problems = validation.Problems()
    for key in set(body) - {"seed_of"}:
        problems.add(key, wording.NOT_ASKED)
    problems.raise_if_any()
    dates, schools, _ = round_of(deps, round_id)
    released = deps.allocations.release(round_id)
    if released is not None:
        raise Conflict(wording.RELEASED_ALREADY.format(at=stamp(released["created_at"]), run=released["run_id"]),
                       code="released_already")
    seed = secrets.token_hex(32)
    if body.get("seed_of"):
        earlier = deps.allocations.run(round_id, body["seed_of"])
        if earlier is None:
            raise NotFound(wording.NO_RUN, code="run_not_found")
        seed = earlier["seed"]
    applications = list(deps.school_applications.of_round(round_id))
    if not applications:
        raise Unacceptable(wording.NO_APPLICATIONS, code="no_applications")
    result = allocate(list(schools.values()), applications, seed, dates["phase"], dates["year_group"],
                      allocate_unplaced=dates["scheme"] == "coordinated")
    now = deps.clock()
    record = {"id": new_run_id(), "seed": seed, "seed_of": body.get("seed_of"), "by": deps.principal.email
              or deps.principal.user_id, "counts": result["counts"], "inputs": inputs_digest(applications),
              "schools": _per_school(schools, result, dates["year_group"])}
    deps.allocations.save_run(round_id, record, result["offers"], result["waits"], now)
    return shown_run({**record, "created_at": now})


def inputs_digest(applications):
    """What the run read, as one digest: each application's id and version, in id order. Two runs with
    the same digest and seed made the same offers."""
    text = "\n".join(f"{a['id']}:{a['version']}" for a in sorted(applications, key=lambda a: a["id"]))
    return hashlib.sha256(text.encode()).hexdigest()


def _per_school(schools, result, year_group):
    from .allocation import places
    offered, waiting = {}, {}
    for offer in result["offers"].values():
        if offer["school_id"]:
            offered[offer["school_id"]] = offered.get(offer["school_id"], 0) + 1
    for school_id, _, _ in result["waits"]:
        waiting[school_id] = waiting.get(school_id, 0) + 1
    return [{"school_id": s, "name": school["name"], "places": places(school, year_group),
             "offered": offered.get(s, 0), "waiting": waiting.get(s, 0)} for s, school in sorted(schools.items())]


def one_run(deps, round_id, run_id):
    found = deps.allocations.run(round_id, run_id)
    if found is None:
        raise NotFound(wording.NO_RUN, code="run_not_found")
    return shown_run(found)


def runs(deps, round_id):
    """The round's runs, newest first, and its release (None before it)."""
    round_of(deps, round_id)
    from .releasing import shown
    release = deps.allocations.release(round_id)
    made = sorted(deps.allocations.runs(round_id), key=lambda r: r["created_at"], reverse=True)
    chosen = deps.allocations.scheduled(round_id)
    return {"round": round_id, "runs": [shown_run(r) for r in made],
            "release": shown(release, round_id) if release else None,
            "scheduled": {"run_id": chosen["run_id"], "by": chosen["by"], "on": chosen["on"]} if chosen else None}


def shown_run(run):
    """A run as officers see it: its counts and schools, never a child (the seed is shown: it is the draw
    on record, and with the inputs it remakes the run)."""
    return {**run, "created_at": stamp(run["created_at"])}
