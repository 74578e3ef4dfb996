"""Telling crews about their team's work: a push (or whichever channels
they chose) to each phone a crew member subscribed with POST /v1/alerts
`kind: "jobs"`, when a job is assigned to their team and when one is moved
away from it. The events are written in the staff change's transaction; the
alert fan-out (alerts/fanout.py) reads the team's one index key, so a team's
phones are told in pages like any other audience, once each.
"""
from ..alerts.audience import Audience
from ..alerts.delivery import links_base, unsubscribe_links
from ..alerts.targets import team_key
from ..shared import events

ASSIGNED, WITHDRAWN = "job_assigned", "job_withdrawn"
KINDS = (ASSIGNED, WITHDRAWN)


def job_event(deps, kind, job, report, now):
    """An event about a team's job; it carries what the message says, so a
    late delivery tells what happened then."""
    return events.report_event(deps, kind, report, now, team=job.team, job_id=job.id, priority=job.priority,
                               due=job.due, summary=job.summary)


def job_audience(deps, event):
    payload = event.payload or {}
    if not payload.get("team") or not payload.get("job_id"):
        return None
    return Audience(lambda: [team_key(payload["team"])], lambda row: True,
                    lambda alert: message(deps, event, alert))


def message(deps, event, alert):
    """What the crew's phone shows: the job's category, summary, priority and due date; never the reporter."""
    base, p = links_base(deps), event.payload
    service = deps.services.get(p.get("service_code")) or {}
    name = service.get("name") or p.get("service_code")
    due = f", due {p['due']}" if p.get("due") else ""
    if event.kind == ASSIGNED:
        title, body = f"New job: {name}", f"{p.get('summary') or name}. Priority {p.get('priority')}{due}."
    else:
        title, body = f"Job moved: {name}", f"{p.get('summary') or name} is no longer your team's."
    return {"event_id": event.id, "title": title[:120], "body": body[:500], "url": f"{base}/?job={p['job_id']}",
            "report_id": event.report_id, "state": p.get("state"), "topic": p["job_id"][:32],
            "ttl": 24 * 3600, "urgency": "high" if p.get("priority") == "urgent" else "normal",
            **unsubscribe_links(base, alert)}
