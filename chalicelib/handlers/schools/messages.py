"""Offers told to every parent by e-mail, text and push, from the release's event; and a place offered
from a waiting list told to its child's parent the same way (waiting.py's event).

The release's effect pages the run's offers into events of PAGE applications each, so ten thousand
parents are told by many workers rather than one, and a page's effects are claimed once (shared/
effects.py). Each page's e-mails, texts and pushes go one per application and channel however often an
effect runs: an e-mail by its outbox id (`school-offer:<application>`), a text or a push by a claim
written before it is sent (storage: `told#...`), taken back when the channel refused it so that the
effect, raising, is tried again for those alone. A text goes to the phone the application gave (or the
account's, where its owner chose texts); a push to the browser subscription it gave. Every link opens
the application's page at the council's configured address (deps.base_url), never a request's Host."""
from . import wording
from ..shared.clock import date_words
from .view import offer_view, waiting_offers
from .waiting import KIND as WAITING_KIND

PAGE = 200
PAGE_KIND = "school_offers_page"


class NotTold(Exception):
    """A channel did not take some of the page's messages: the effect is tried again for those."""


def on_released(deps, event, key):
    """The release's effect: the run's offers, PAGE to an event of their own."""
    from ..shared.events import new_event
    payload = event.payload or {}
    round_id, run_id = payload.get("round"), payload.get("run_id")
    release = deps.allocations.release(round_id)
    if release is None or release["run_id"] != run_id:
        return
    ids = [app_id for app_id, _ in deps.allocations.offers(round_id, run_id)]
    pages = [ids[n:n + PAGE] for n in range(0, len(ids), PAGE)]
    deps.allocations.add_events([new_event(deps, PAGE_KIND, deps.clock(), event_id=f"{event.id}.{n}", round=round_id,
                                           run_id=run_id, applications=page) for n, page in enumerate(pages)])


def _page(deps, event):
    """(application, the lines that tell it, its short ending for a text, the claim's label) for each
    application the event tells: a release's page (each offer with its waiting lists), or one place
    offered from a waiting list. Nothing when the page's run is not the round's release."""
    from .rules import round_dates
    payload = event.payload or {}
    round_id, run_id = payload.get("round"), payload.get("run_id")
    release = deps.allocations.release(round_id)
    if release is None or release["run_id"] != run_id:
        return
    schools, settings = deps.schools.all()
    names = {s["id"]: s["name"] for s in schools}
    dates = round_dates(deps.council, deps.calendar, settings, round_id)["dates"]
    if event.kind == WAITING_KIND:
        found = deps.allocations.offer(round_id, run_id, payload["application"])
        app = deps.school_applications.get(found["user_id"], payload["application"]) if found else None
        offered = [o for o in (waiting_offers(deps, app, names) if app else ()) if o["school_id"] == payload["school_id"]]
        if offered:
            link = f"{deps.base_url}/schools/{app['id']}"
            yield app, [offered[0]["text"], wording.TOLD_LINK.format(link=link)], wording.TOLD_LINK.format(
                link=link), offered[0]["school_id"]
        return
    for app_id in payload.get("applications") or ():
        offer = deps.allocations.offer(round_id, run_id, app_id)
        app = deps.school_applications.get(offer["user_id"], app_id) if offer else None
        if app is not None:
            seen, link = offer_view(deps, app, release, names), f"{deps.base_url}/schools/{app_id}"
            yield app, [seen["text"], *[w["text"] for w in seen["waiting"]], "", _end(dates, link)], \
                " ".join((seen["text"], _end(dates, link, short=True))), "offer"


def _end(dates, link, short=False):
    if "accept_by" not in dates:
        return wording.TOLD_LINK.format(link=link)
    words = wording.SMS_END if short else wording.TOLD_END
    return words.format(date=date_words(dates["accept_by"]["date"]), link=link,
                        appeal=date_words(dates["appeal_by"]["date"]))


def by_email(deps, event, key):
    from ...notify.email import queue_email
    for app, lines, _, label in _page(deps, event):
        if app.get("email"):
            subject = wording.EMAIL_SUBJECT if label == "offer" else wording.WAITING_SUBJECT
            queue_email(app["email"], subject, "\n".join(lines), deps.clock(), f"school-{label}:{app['id']}")


def by_text(deps, event, key):
    from ...notify import SENT
    from ...notify.sms import gsm, send_sms
    _each(deps, event, "sms", lambda app, lines, short: send_sms(
        app["tell"]["sms"], gsm(short), deps.settings, deps.clock(), deps.new_opaque_id) == SENT)


def by_push(deps, event, key):
    from ...notify import GONE, SENT
    from ...notify.deliver import deliver
    _each(deps, event, "push", lambda app, lines, short: deliver("push", app["tell"]["push"], {
        "event_id": f"{event.id}-{app['id']}", "title": wording.PUSH_TITLE, "body": lines[0],
        "url": f"{deps.base_url}/schools/{app['id']}", "unsubscribe_url": f"{deps.base_url}/schools/{app['id']}",
        "topic": f"school-{app['id'][3:]}"}, deps.settings, deps.clock(), deps.new_opaque_id) in (SENT, GONE))


def _each(deps, event, channel, send):
    """send(...) for each application of the page that gave this channel, once: True when it went."""
    failed = []
    for app, lines, short, label in _page(deps, event):
        if not (app.get("tell") or {}).get(channel):
            continue
        round_id, run_id, claim = app["round"], event.payload["run_id"], f"{channel}.{label}"
        if not deps.allocations.claim_told(round_id, run_id, app["id"], claim, deps.clock()):
            continue  # told already, by an earlier run of this effect
        if not send(app, lines, short):
            deps.allocations.unclaim_told(round_id, run_id, app["id"], claim)
            failed.append(app["id"])
    if failed:
        raise NotTold(f"{channel}: {len(failed)} of the page's offers not taken; tried again")
