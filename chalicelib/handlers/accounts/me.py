"""My Account: the profile, my reports, everything held about me, and erasure."""
import re

from ... import ids, validation
from ...errors import ValidationFailed
from ...stamps import london_today, stamp
from ..reports import views
from .limits import ADDRESS_MAX, NAME_MAX, UPRN_PATTERN
from .wording import NOT_A_PROFILE_FIELD, NOT_A_UPRN, NOT_CHANGED_HERE, NOTHING_TO_CHANGE, NOTIFICATIONS_FORMAT, PROFILE

NOTIFICATION_CHANNELS = ("email", "sms", "push")


def profile(user, caller):
    """The person's own details, and what they are at this council (`caller`: their Principal here)."""
    return {
        "id": user.id, "email": user.email, "email_verified": bool(user.email_verified),
        "name": user.name, "phone": user.phone, "address": user.address, "uprn": user.uprn,
        "notifications": {c: bool((user.notifications or {}).get(c, c == "email"))
                          for c in NOTIFICATION_CHANNELS},
        "role": caller.role, "team": caller.team,
        "moving_to": user.moving_to,
        "created_at": stamp(user.created_at),
    }


def get_me(deps):
    return own(deps, living_at(deps.accounts.user(deps.principal.user_id), deps.clock()))


def own(deps, user):
    """The profile as its person reads it: with their bin calendar's address (bin_calendar.py), and the
    other councils of the deployment whose address they have signed in at, where what they made there is."""
    from .bin_calendar import address_of
    return {**profile(user, deps.principal), "bins_calendar_url": address_of(deps, user),
            "elsewhere": elsewhere(deps, user)}


def elsewhere(deps, user):
    """[{council, name, url}] of the other councils they signed in at, by name: from the settings the
    process keeps (no read on a warm function); a council no longer served is left out."""
    from ... import tenancy
    from ...config import links_base
    from ...councils import registry
    from ...councils.council import Council
    found = []
    for council_id in (user.signed_in_at or set()) - {tenancy.current()}:
        stored = registry.settings_of(council_id)
        if stored is not None:
            there = Council.of_document(*stored)
            found.append({"council": there.id, "name": there.name, "url": links_base(deps.settings, there) + "/account"})
    return sorted(found, key=lambda c: c["name"])


def living_at(user, now):
    """The user with their saved address as it stands today: a move told
    ahead (handlers/moving) makes the new home theirs from its date, and
    moving out of the area clears it then."""
    moving = user.moving_to if user is not None else None
    if moving and moving.get("from") and moving["from"] <= london_today(now).isoformat():
        user.uprn, user.address = moving.get("uprn"), moving.get("address")
    return user


def update_me(deps, body):
    user = deps.accounts.user(deps.principal.user_id)
    problems = validation.Problems(PROFILE)
    allowed = {"name", "phone", "address", "uprn", "notifications"}
    for key in body:
        if key not in allowed:
            problems.add(key, NOT_CHANGED_HERE if key in ("email", "role", "id") else NOT_A_PROFILE_FIELD)
    changes = {}
    if "name" in body:
        changes["name"] = validation.text(body["name"], "name", problems, 1, NAME_MAX)
    if "phone" in body:
        changes["phone"] = validation.phone(body["phone"], "phone", problems) if body["phone"] else None
    if "address" in body:
        changes["address"] = validation.text(body["address"], "address", problems, 0, ADDRESS_MAX)
    if "uprn" in body:
        uprn = body["uprn"].strip() if isinstance(body["uprn"], str) else body["uprn"]
        if uprn not in (None, "") and not (isinstance(uprn, str) and re.fullmatch(UPRN_PATTERN, uprn)):
            problems.add("uprn", NOT_A_UPRN)
        changes["uprn"] = uprn or None
    if "notifications" in body:
        prefs = body["notifications"]
        if not isinstance(prefs, dict) or any(k not in NOTIFICATION_CHANNELS or not isinstance(v, bool)
                                              for k, v in prefs.items()):
            problems.add("notifications", NOTIFICATIONS_FORMAT)
        else:
            changes["notifications"] = {**(user.notifications or {}), **prefs}
    problems.raise_if_any()
    if not changes:
        raise ValidationFailed([("body", NOTHING_TO_CHANGE)])
    for key, value in changes.items():
        setattr(user, key, value)
    if "uprn" in changes or "address" in changes:
        user.moving_to = None  # their own choice of address, after a move's: theirs stands
    deps.accounts.save_user(user)
    return own(deps, user)


def my_reports(deps):
    """Their reports made at this council's address, newest first: those it holds, and those
    another council of the deployment holds (a county's road), as that council has them now."""
    from ..reports.across import held_for
    rows = deps.accounts.reports_of_user(deps.principal.user_id)
    services = {s["service_code"]: s.get("name") for s in deps.services.all()}
    mine = [report_line(deps, r, services) for r in rows] + held_for(deps, deps.principal.user_id, report_line)
    return {"reports": sorted(mine, key=lambda r: r["created_at"], reverse=True)}


def report_line(deps, r, services):
    """One of their reports as My Account lists it (services: the holder's names by code)."""
    return {"id": r.id, "service_code": r.service_code, "service_name": services.get(r.service_code),
            "status": r.state, "summary": r.summary, "url": f"{deps.base_url}/v1/reports/{r.id}",
            "created_at": stamp(r.created_at), "updated_at": stamp(r.updated_at)}


def export_me(deps):
    """A subject access request answered in one click: everything held about them."""
    user = deps.accounts.user(deps.principal.user_id)
    reports = []
    for row in deps.accounts.reports_of_user(user.id, limit=10_000):
        report = deps.reports.get(row.id)
        view = views.private_view(deps, report, deps.services.get(report.service_code))
        view["timeline"] = [views.update_view(u) for u in deps.reports.updates(report.id)]
        reports.append(view)
    from ..reports.across import held_export
    reports += held_export(deps, user.id)  # made here, held by another council of the deployment
    from ..alerts.subscriptions import held_about
    from ..waste.bookings import mine as bulky_bookings
    from ..waste.garden import mine as garden_subscriptions
    from ..containers.requesting import mine as container_requests
    from ..hire.booking import mine as hire_bookings
    from ..conversations.resident import transcripts
    from ..revenues.linking import my_links
    from ..revenues.requests import mine as council_tax_requests
    from ..revenues.view import my_copies
    from ..appointments.mine import mine as appointments
    from ..bills.paying import mine as my_bills
    from ..participation.mine import mine as taking_part
    from ..democracy.told import export as meetings_told_of
    from ..repairs.desk.after import exported as my_repairs
    from ..repairs.communal import exported as my_me_too
    return {"profile": profile(user, deps.principal), "reports": reports, "alerts": held_about(deps, user),
            "bulky_bookings": bulky_bookings(deps, user.id),
            "garden_subscriptions": garden_subscriptions(deps, user.id),
            "container_requests": container_requests(deps, user.id),
            "hire_bookings": hire_bookings(deps, user.id),
            "conversations": transcripts(deps, user.id),
            "council_tax_links": my_links(deps)["links"],
            # The copies kept of what the back office said (council tax, benefits, rent): held by us, so theirs.
            "council_tax_copies": my_copies(deps),
            # What they asked and where it stands; the back office's account data stays out, as for links.
            "council_tax_requests": council_tax_requests(deps)["requests"],
            # Their appointments with staff: when, what, where, their answers and how we reach them.
            "appointments": appointments(deps, user.id),
            "bills": my_bills(deps)["bills"],  # bills paid by reference (what finance keeps is the payment)
            "repairs": my_repairs(deps, user.id),  # repairs to the homes they rent, with their contact and notes
            "repair_me_too": my_me_too(deps, user.id),  # their "me too"s on their blocks' shared repairs
            # Their responses to consultations (read from storage: consultations sit above accounts).
            "consultation_responses": [{"consultation_id": r.consultation_id, "reference": r.id, "answers": r.answers,
                                        "postcode": r.postcode, "ward": r.ward, "sent_at": stamp(r.created_at),
                                        "changed_at": stamp(r.updated_at), "kept_until": stamp(r.delete_at)}
                                       for r in deps.consultation_responses.of_user(user.id)],
            "taking_part": taking_part(deps, user.id),  # registrations to speak at meetings, written questions
            # Their moves home as told (the people, who to contact, the forwarding address) and each part's state
            # (read from storage: moving sits above accounts).
            "moves": deps.moves.everything_of(user.id),
            "school_applications": deps.school_applications.everything_of(user.id),
            # Businesses they told us of (premises, who pays the rates) and what each was offered.
            "businesses": deps.businesses.everything_of(user.id),
            # The meetings' items they were told of and why (their reports, "me too"s, follows, petitions).
            "meetings_told_of": meetings_told_of(deps, user.id),
            "supports": supports_of(deps, user),
            # Only to an address the person has proven is theirs: an unverified
            # address may belong to someone else, and its mail holds their links.
            "messages": deps.accounts.messages_to([user.email] if user.email_verified else []),
            "sessions": deps.accounts.sessions_of(user.id),
            "exported_at": stamp(deps.clock())}


def supports_of(deps, user):
    """The "me too"s made with the person's address: only a proven one, as
    for messages (anyone may type an address into a "me too")."""
    if not (user.email and user.email_verified):
        return []
    from ..reports.support import supporter_key
    return [{"report_id": s.report_id, "state": s.state, "url": f"{deps.base_url}/v1/reports/{s.report_id}",
             "created_at": stamp(s.created_at), "confirmed_at": stamp(s.confirmed_at)}
            for s in deps.supporters.of_person(supporter_key(user.email))]


def delete_me(deps):
    """Erase the person; keep their reports (the street still has a pothole), anonymised. What a legal hold
    keeps stays as it is (UK GDPR Art. 17(3)(e): the establishment, exercise or defence of legal claims):
    a held report, repair or chat is left whole, and a hold on the account itself at any council that knows
    them keeps the account (signed out), everything else going. None when nothing was kept, else
    {"kept": [{kind, id}], "message"}: the person is told what stays and until when."""
    user = deps.accounts.user(deps.principal.user_id)
    kept = forget_here(deps, user)
    from ..reports.across import anonymise_held
    kept += [("reports", rid) for rid in anonymise_held(deps, user.id)]  # made here, held by another council
    if deps.accounts.let_go(user):  # no account hold anywhere: from here on none can be placed (no one to hold)
        deps.accounts.delete_user(user)
    else:
        kept.append(("accounts", user.id))
    return kept_words(deps, kept) if kept else None


def kept_words(deps, kept):
    """The answer of an erasure a legal hold kept something of, in the catalogue's words."""
    from .wording import ACCOUNT_KEPT_UNDER_A_HOLD, AND, HELD_KINDS, KEPT_UNDER_A_HOLD
    counts = {}
    for kind, _ in kept:
        counts[kind] = counts.get(kind, 0) + 1
    said = [HELD_KINDS[kind][n > 1].format(n=n) for kind, n in counts.items()]
    sentence = ACCOUNT_KEPT_UNDER_A_HOLD if "accounts" in counts else KEPT_UNDER_A_HOLD
    return {"kept": [{"kind": kind, "id": record_id} for kind, record_id in kept],
            "message": sentence.format(council=deps.council.short_name, what=AND.join(said))}


def forget_here(deps, user):
    """Everything of the person at the council the work is for, gone or anonymised; what they did at
    another council (and the reports made here that another council holds) is that council's. Their
    account itself is the caller's to delete: everywhere (delete_me), or at this council only (the
    retention sweep's unused accounts, handlers/retention/accounts.py). Each step can be run again.

    A record on a legal hold stays as it is (a report, a repair, a chat: each store's write is conditioned
    on no hold, so one placed meanwhile is not lost); [(kind, id)] of those kept. A held payment is kept
    as every payment is (finance's record; the erasure does not touch payments)."""
    kept = [("reports", row.id) for row in deps.accounts.reports_of_user(user.id, limit=10_000)
            if not deps.reports.anonymise(row.id)]
    if user.email and user.email_verified:
        # Only a proven address may erase anonymous reports made with it, and
        # never a report someone else's account owns.
        kept += [("reports", rid) for rid in deps.accounts.anonymous_reports_with_email(ids.digest(user.email))
                 if not deps.reports.anonymise(rid, only_if_anonymous=True)]
    from ..alerts.subscriptions import forget_user
    forget_user(deps, user.id)
    from ..conversations.erasing import erase_of_user
    # chats are the person's words, not the street's: gone, their photos too (but for a held one)
    kept += [("chats", cid) for cid in erase_of_user(deps, user.id)]
    from ..revenues.linking import unlink_all
    unlink_all(deps, user.id)  # their council tax links and every cached copy (the audit keeps an opaque id)
    deps.revenue_requests.erase(user.id)  # and their requests (the back office keeps what it took)
    from ..appointments.mine import erase as erase_appointments
    erase_appointments(deps, user.id)  # what is to come cancelled; each kept for the staff's history, without them
    deps.containers.forget_user(user.id)  # each kept for the crews and finance, no longer theirs
    deps.hire.forget_user(user.id)  # each kept for the place's calendar and finance, no longer theirs
    from ..participation.mine import erase as erase_taking_part
    erase_taking_part(deps, user.id)  # registrations to speak (their places freed) and written questions: gone
    from ..democracy.told import erase as erase_told_of
    erase_told_of(deps, user.id)  # what they were told of and why, and their calendar link: gone
    # each kept for the home's history and its clocks, no longer theirs (but for a held one, as it is)
    kept += [("repairs", rid) for rid in deps.repairs.forget_user(user.id)]
    deps.communal.forget_tenant(user.id)  # their "me too"s on shared repairs: gone, and one off each count
    deps.bills.forget_user(user.id)  # bills paid stay finance's record, no longer theirs: no account, no e-mail
    for response in deps.consultation_responses.of_user(user.id):
        deps.consultation_responses.delete(response)  # their answers gone, and their counts with them
    deps.moves.erase_user(user.id)  # their moves (names, contacts, addresses): gone; what they changed stays
    deps.school_applications.erase_user(user.id)  # their children's applications: gone with them
    deps.businesses.erase_user(user.id)  # their businesses as told: gone; the rates office keeps its ratepayer
    deps.accounts.end_sessions(user.id)
    return kept
