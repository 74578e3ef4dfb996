"""Demo data for staff triage (demo/staff.json): crew teams, due-date rules
per category, response templates, a complaint and an FOI request old
enough to be overdue, and two reports assigned to the north crew (its jobs);
and the demo council's officers (demo/officers.json), each with the roles of
their work. Each is added once: a council's own edits survive `make run` and
`doorstep seed`."""
import json

from doorstep_cli.demo_files import DEMO_DIR


def demo_staff(deps, requests=True):
    """{what: how many were added}; requests=False leaves out the demo requests and crew jobs."""
    from chalicelib.storage.records import DueRule, ResponseTemplate, Team
    data = json.loads((DEMO_DIR / "staff.json").read_text())
    now = deps.clock()
    added = {"demo teams": 0, "due-date rules": 0, "response templates": 0, "demo requests": 0, "demo crew jobs": 0}
    known = {t.id for t in deps.teams.all()}
    for team in data["teams"]:
        if team["id"] not in known:
            deps.teams.create(Team(created_at=now, **team))
            added["demo teams"] += 1
    rules = {r.service_code for r in deps.due_rules.all()}
    for rule in data["due_rules"]:
        if rule["service_code"] not in rules:
            deps.due_rules.put(DueRule(**rule))
            added["due-date rules"] += 1
    templates = {t.id for t in deps.templates.all()}
    for template in data["templates"]:
        if template["id"] not in templates:
            deps.templates.save(ResponseTemplate(created_at=now, updated_at=now, **template), new=True)
            added["response templates"] += 1
    for request in data["requests"] if requests else ():
        added["demo requests"] += _request_once(deps, request)
    for job in data["crew_jobs"] if requests else ():
        added["demo crew jobs"] += _job_once(deps, job)
    added["demo officers"] = demo_officers(deps)
    return added


def demo_officers(deps, path=DEMO_DIR / "officers.json"):
    """The demo officers (demo/officers.json, or a demo council's own) not there yet, granted by the
    council worked for, on a local stage only (a real council's officers are its own), with one
    password kept in the stack's secrets; how many were added."""
    from chalicelib.config import settings
    from chalicelib.errors import Conflict
    from chalicelib.handlers.accounts import users
    from chalicelib.notify import LOCAL_STAGES
    if settings().stage not in LOCAL_STAGES:
        return 0
    import contextvars
    from concurrent.futures import ThreadPoolExecutor
    password = demo_staff_password()

    def made(officer):
        if deps.accounts.user_by_identity(f"email#{officer['email']}") is not None:
            return 0
        try:
            users.create_user(deps, officer["email"], officer["role"], name=officer["name"],
                              password=password, roles=officer["roles"])
            return 1
        except Conflict:
            return 0  # made by another process's seeding at the same moment
    # Two at a time: each hash is half a second of scrypt at the product's cost, which lets go of the
    # interpreter's lock (a fresh `make run` hashes 13). Each in a copy of this context: the council acted for.
    officers = json.loads(path.read_text())["officers"]
    contexts = [contextvars.copy_context() for _ in officers]  # copied here, in the caller's thread
    with ThreadPoolExecutor(2) as pool:
        return sum(pool.map(lambda context, officer: context.run(made, officer), contexts, officers))


def demo_staff_password():
    """The demo officers' one password: made once, kept in DOORSTEP_DATA_DIR/secrets/demo-staff-password."""
    import secrets
    from chalicelib.keystore import secret
    return secret("DOORSTEP_DEMO_STAFF_PASSWORD", "demo-staff-password", lambda: "demo-" + secrets.token_urlsafe(12))


def _job_once(deps, job):
    """A demo report assigned to a crew's team as a desk officer would, which makes the team's job."""
    import dataclasses
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.staff.inspect import inspect
    if not _request_once(deps, {**job, "days_ago": 1}):
        return 0
    desk = dataclasses.replace(deps, principal=Principal(user_id="u_demo_desk", role="admin",
                                                         email="demo-desk@council.example"))
    inspect(desk, job["id"], job["assign"], f'"{int(deps.reports.get(job["id"]).version or 0)}"')
    return 1


def _request_once(deps, request):
    """A demo complaint or FOI request, received `days_ago` (so it is overdue by now)."""
    import dataclasses
    from datetime import timedelta
    from chalicelib.handlers.reports.create import create_report
    if deps.reports.get(request["id"]) is not None:
        return 0
    when = deps.clock() - timedelta(days=request["days_ago"])
    create_report(dataclasses.replace(deps, clock=lambda: when, new_report_id=lambda: request["id"]),
                  request["body"])
    return 1
