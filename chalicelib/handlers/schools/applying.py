"""A parent's application for a school place: made once (Idempotency-Key), changed with If-Match until
the round's closing date (London's day), its child seen only by the parent and the admissions desk.

One telling holds the child, the home (its point is where distances start), the round and the ranked
preferences, each with its evidence (a sibling at that school); looked after children say which council
looks after them. The schools must be the council's, of the round's phase; at least the law's least
(England: three may be named, one is enough) and at most the council's most."""
import secrets
from datetime import date

from ... import ids, validation
from ...errors import Conflict, Unacceptable
from ...stamps import london_today
from . import limits, wording
from .rules import parse_round, round_dates

FIELDS = {"round", "child", "home_uprn", "looked_after", "preferences", "phone", "push_subscription"}


def new_id():
    return "SA-" + "".join(secrets.choice(ids.ALPHABET) for _ in range(10))


def round_of(deps, round_id):
    """(dates, schools by id, settings) of the council's round, or a 422 in words."""
    from ...workdays import NoHolidayData
    schools, settings = deps.schools.all()
    try:
        dates = round_dates(deps.council, deps.calendar, settings, round_id) if parse_round(round_id) else None
    except NoHolidayData:  # a year the council's calendar does not reach (2099): no round taken yet
        dates = None
    if dates is None:
        raise Unacceptable(wording.NO_RULES, code="no_round", fields=[{"field": "round", "message": wording.NO_RULES}])
    return dates, {s["id"]: s for s in schools if s.get("phase") == dates["phase"] and not s.get("closed")}, settings


def claimed(deps, idempotency_key, scope, body, one, what):
    """(the Idempotency-Key's claim, the answer given earlier under it or None), the key the parent's own."""
    from ..shared.idempotency import Claim
    claim = Claim(deps, idempotency_key, f"{deps.principal.user_id}#{scope}", body,
                  lambda r: one(deps, r.resource_id), what)
    return claim, claim.earlier()


def make(deps, body, idempotency_key):
    """POST /v1/me/school-applications: (view, created)."""
    from .view import one
    user_id = deps.principal.user_id
    claim, earlier = claimed(deps, idempotency_key, "school", body, one, wording.KEY_USED)
    if earlier is not None:
        return earlier, False
    now = deps.clock()
    app = checked(deps, body, deps.accounts.user(user_id))
    app.update(id=new_id(), user_id=user_id, created_at=now, email=deps.principal.email)
    from ...storage.errors import AlreadyExists
    try:
        deps.school_applications.create(app, claim.record(app["id"], now, limits.IDEMPOTENCY_HOURS))
    except AlreadyExists:
        return claim.twin(), False
    return one(deps, app["id"]), True


def change(deps, app_id, body, if_match):
    """PUT /v1/me/school-applications/{id}: the whole application again, as read (If-Match)."""
    from ..shared.versions import expected_version
    from ...storage.errors import EditConflict
    from .view import mine_or_404, one
    app = mine_or_404(deps, app_id)
    expected = expected_version(if_match, read_from="GET /v1/me/school-applications/{application_id}")
    if body.get("round", app["round"]) != app["round"]:
        raise Unacceptable(wording.ROUND, code="validation_failed", fields=[{"field": "round",
                                                                              "message": wording.ROUND}])
    fresh = checked(deps, {**body, "round": app["round"]}, deps.accounts.user(app["user_id"]))
    if expected != app["version"]:
        raise Conflict(wording.CHANGED, code="edit_conflict")
    kept = {k: app[k] for k in ("id", "user_id", "created_at", "email") if k in app}
    if body.get("phone") is None and body.get("push_subscription") is None:
        fresh["tell"] = {**(app.get("tell") or {}), **{k: v for k, v in fresh["tell"].items() if v}}
    try:
        deps.school_applications.replace({**fresh, **kept}, expected, deps.clock())
    except EditConflict:
        raise Conflict(wording.CHANGED, code="edit_conflict") from None
    return one(deps, app_id)


def checked(deps, body, user):
    """The application as kept, or 400 (it breaks its description) / 422 (a rule, in words)."""
    problems = validation.Problems()
    round_id, child, uprn = told(deps, body, FIELDS, problems)
    looked_after = body.get("looked_after")
    if looked_after is not None and not _text(looked_after, "authority"):
        problems.add("looked_after", wording.LOOKED_AFTER)
    preferences = body.get("preferences")
    if not isinstance(preferences, list) or not all(isinstance(p, dict) for p in preferences) \
            or not 1 <= len(preferences) <= limits_most():
        problems.add("preferences", wording.PREFERENCES.format(least=1, most=limits_most()))
        preferences = []
    for n, p in enumerate(preferences):
        if not isinstance(p.get("school_id"), str) or set(p) - {"school_id", "sibling"}:
            problems.add(f"preferences[{n}]", wording.NOT_ASKED)
        elif p.get("sibling") is not None and not (_text(p["sibling"], "name") and _text(p["sibling"], "year_group")):
            problems.add(f"preferences[{n}].sibling", wording.SIBLING)
    problems.raise_if_any()
    dates, schools, _ = round_of(deps, round_id)
    _closing(dates, london_today(deps.clock()))
    group = _year_group(deps, round_id, dates, child, problems)
    most = dates["max_preferences"]
    if not 1 <= len(preferences) <= most:
        problems.rule("preferences", wording.PREFERENCES.format(least=1, most=most))
    named = [p["school_id"] for p in preferences]
    for n, school_id in enumerate(named):
        if school_id not in schools:
            problems.rule(f"preferences[{n}]", wording.PREFERENCE_SCHOOL.format(phase=dates["phase"]))
        elif school_id in named[:n]:
            problems.rule(f"preferences[{n}]", wording.PREFERENCE_TWICE)
    home = _home(deps, uprn or (user.uprn if user else None), problems)
    tell = _tell(deps, body, user, problems)
    problems.raise_if_any()
    return {"round": round_id, "child": {**child, **({"deferred": True} if group == "deferred" else {})},
            "home": home, "looked_after": looked_after,
            "preferences": [{"rank": n, "school_id": p["school_id"], **({"sibling": p["sibling"]}
                                                                        if p.get("sibling") else {})}
                            for n, p in enumerate(preferences, 1)], "tell": tell}


def told(deps, body, fields, problems):
    """(round, child, home's UPRN) as a parent tells them, an application or the event "starting school":
    what is not asked for, a round that is not one, a child and a UPRN that break their descriptions."""
    for name in sorted(set(body) - fields):
        problems.add(name, wording.NOT_ASKED)
    round_id = body.get("round")
    if not isinstance(round_id, str) or parse_round(round_id) is None:
        problems.add("round", wording.ROUND)
        problems.raise_if_any()
    child = _child(body.get("child"), problems, london_today(deps.clock()))
    uprn = body.get("home_uprn")
    if uprn is not None and not (isinstance(uprn, str) and uprn.isdigit() and len(uprn) <= 12):
        problems.add("home_uprn", wording.HOME)
    return round_id, child, uprn


def limits_most():
    from .catalogue import MOST_PREFERENCES
    return MOST_PREFERENCES


def _closing(dates, today):
    closing = dates["dates"].get("closing")
    if closing and today > date.fromisoformat(closing["date"]):
        from ..shared.clock import date_words
        words = wording.CLOSED.format(date=date_words(closing["date"]))
        raise Unacceptable(words, code="closed", fields=[{"field": "round", "message": words}])


def _child(child, problems, today):
    if not isinstance(child, dict) or set(child) - {"name", "date_of_birth"}:
        problems.add("child", wording.CHILD_NAME)
        return None
    name = child.get("name")
    if not isinstance(name, str) or not 0 < len(name.strip()) <= limits.NAME_MAX:
        problems.add("child.name", wording.CHILD_NAME)
    born = child.get("date_of_birth")
    try:
        day = date.fromisoformat(born) if isinstance(born, str) and len(born) == 10 else None
    except ValueError:
        day = None
    if day is None:
        problems.add("child.date_of_birth", wording.BIRTH)
    elif day > today:
        problems.rule("child.date_of_birth", wording.BIRTH_FUTURE)
    elif day < date(today.year - limits.CHILD_YEARS_MAX, 1, 1):
        problems.rule("child.date_of_birth", wording.BIRTH_TOO_LONG_AGO.format(years=limits.CHILD_YEARS_MAX))
    return {"name": name.strip() if isinstance(name, str) else "", "date_of_birth": born}


def _tell(deps, body, user, problems):
    """Where the offer is told besides the account's e-mail: a text to the phone given (or the account's,
    where its owner chose texts), a push to the browser subscription given (checked as an alert's is)."""
    phone = body.get("phone")
    if phone is None and user is not None and (user.notifications or {}).get("sms"):
        phone = user.phone
    sms = validation.e164(validation.phone(phone, "phone", problems)) if phone else None
    push = None
    if body.get("push_subscription") is not None:
        from ..alerts.channels import push_subscription
        push = push_subscription(deps, body["push_subscription"], problems)
    return {"sms": sms, "push": push}


def _year_group(deps, round_id, dates, child, problems):
    """The child's date of birth against the round's age group (rules.age_group: the law's dates, with
    their source): outside it, 422 saying which year the child normally starts, and that a place outside
    the normal age group is asked for by calling."""
    from .rules import age_group, normal_entry
    if child is None or any(field == "child.date_of_birth" for field, _ in problems.rules):
        return None
    born = date.fromisoformat(child["date_of_birth"])
    found = age_group(deps.council.jurisdiction, round_id, born)
    if found is None:
        normal = normal_entry(deps.council.jurisdiction, dates["phase"], born)
        words = wording.WRONG_YEAR.format(phase=dates["phase"], year=dates["year"], normal=normal or "another year")
        problems.rule("child.date_of_birth", words)
    return found


def _text(value, key):
    return isinstance(value, dict) and isinstance(value.get(key), str) and \
        0 < len(value[key].strip()) <= limits.EVIDENCE_MAX and set(value) <= {"name", "year_group", "authority"}


def _home(deps, uprn, problems):
    found = deps.addresses.get(uprn) if uprn else None
    if found is None or found.lat is None:
        problems.rule("home_uprn", wording.NOT_HERE if uprn else wording.HOME)
        return None
    return {"uprn": found.uprn, "address": found.text, "lat": found.lat, "lon": found.lon}

