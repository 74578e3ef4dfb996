"""Telling crews about their team's work: a push (or whichever channels
they chose) to each phone a crew member subscribed with POST /v1/alerts
`kind: "jobs"`, when a job is assigned to their team, when one of their
team's jobs is made urgent, and when one is moved away from it. The events
are written in the staff change's transaction; the alert fan-out
(alerts/fanout.py) reads the team's one index key, so a team's phones are
told in pages like any other audience, once each, and never another team's.

An urgent job within a crew member's radius of their point
(alerts/crew_points.py) is pushed as "Urgent job 350 m from you"; a phone
subscribed with urgent_near_only hears of nothing else. Nearness is tested
on the index row the page already read: a team's phones that are not told
are not read.
"""
from ..shared import events
from . import wording as W
from .audience import Audience
from .crew_points import distance_if_near
from .delivery import links_base, unsubscribe_links
from .targets import team_key

ASSIGNED, WITHDRAWN, MADE_URGENT = "job_assigned", "job_withdrawn", "job_made_urgent"
KINDS = (ASSIGNED, WITHDRAWN, MADE_URGENT)


def job_event(deps, kind, job, report, now):
    """An event about a team's job; it carries what the message says, so a
    late delivery tells what happened then."""
    return events.report_event(deps, kind, report, now, team=job.team, job_id=job.id, priority=job.priority,
                               due=job.due, summary=job.summary)


def job_audience(deps, event):
    payload = event.payload or {}
    if not payload.get("team") or not payload.get("job_id"):
        return None
    now = deps.clock()

    def check(row):
        return not row.near_only or _near(event, row, now) is not None
    return Audience(lambda: [team_key(payload["team"])], check, lambda alert: message(deps, event, alert, now))


def _near(event, place, now):
    """Metres from the crew member's point to an urgent job within their radius; else None."""
    p = event.payload
    if p.get("priority") != "urgent" or p.get("lon") is None or p.get("lat") is None:
        return None
    return distance_if_near(place, float(p["lon"]), float(p["lat"]), now)


def message(deps, event, alert, now):
    """What the crew's phone shows: the job's category, summary, priority and due date; never the reporter."""
    base, p = links_base(deps), event.payload
    service = deps.services.get(p.get("service_code")) or {}
    name = service.get("name") or p.get("service_code")
    due = W.JOB_DUE.format(due=p["due"]) if p.get("due") else ""
    words = {"name": name, "summary": p.get("summary") or name, "priority": p.get("priority"), "due": due}
    near = _near(event, alert.target or {}, now) if event.kind != WITHDRAWN else None
    if near is not None:
        title, body = W.JOB_URGENT_NEAR_TITLE.format(distance=_metres(near)), W.JOB_URGENT_NEAR.format(**words)
    elif event.kind == ASSIGNED:
        title, body = W.JOB_ASSIGNED_TITLE.format(**words), W.JOB_ASSIGNED.format(**words)
    elif event.kind == MADE_URGENT:
        title, body = W.JOB_MADE_URGENT_TITLE.format(**words), W.JOB_MADE_URGENT.format(**words)
    else:
        title, body = W.JOB_MOVED_TITLE.format(**words), W.JOB_MOVED.format(**words)
    return {"event_id": event.id, "title": title[:120], "body": body[:500], "url": f"{base}/?job={p['job_id']}",
            "report_id": event.report_id, "state": p.get("state"), "topic": p["job_id"][:32],
            "ttl": 24 * 3600, "urgency": "high" if p.get("priority") == "urgent" else "normal",
            **unsubscribe_links(base, alert)}


def _metres(distance):
    return f"{round(distance)} m" if distance < 999.5 else f"{distance / 1000:.1f} km"
