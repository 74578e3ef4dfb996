"""Demo data for staff triage (demo/staff.json): crew teams, due-date rules
per category and response templates. Each is added once: a council's own
edits survive `make run` and `doorstep seed`."""
import json

from doorstep_cli.seed import DEMO_DIR


def demo_staff(deps):
    """{what: how many were added}."""
    from chalicelib.storage.records import DueRule, ResponseTemplate, Team
    data = json.loads((DEMO_DIR / "staff.json").read_text())
    now = deps.clock()
    added = {"demo teams": 0, "due-date rules": 0, "response templates": 0}
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
    return added
