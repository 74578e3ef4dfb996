"""The bulky items and their prices (integer pence), and the rules staff set:
read by everyone, changed by administrators with If-Match."""
import re

from ... import validation
from ...errors import Stale
from ...storage.errors import EditConflict
from .limits import (BANDS_MAX, CAPACITY_LIMIT, CATALOGUE_MAX, DEFAULT_SETTINGS, ITEM_ID_PATTERN, ITEM_NAME_MAX,
                     MAX_ITEMS_LIMIT, NOT_COLLECTED_RULES, PRICE_MAX, WINDOW_LIMIT)
from .wording import (BANDS_COUNT, BANDS_WITHOUT_BANDED, BAND_SHAPE, CANNOT_BE_SET, CATALOGUE_ITEMS_COUNT, ITEM_ID,
                      ITEM_SHAPE, LAST_BAND_SHORT, NOT_A_SETTING, NOT_A_TEAM, ONE_OF, PRICING, REQUIRED, WHOLE_NUMBER)

STREAMS = ("refuse", "recycling", "garden", "food")
WHOLE = {"minimum_charge": (0, PRICE_MAX * MAX_ITEMS_LIMIT), "max_items": (1, MAX_ITEMS_LIMIT),
         "capacity_per_day": (0, CAPACITY_LIMIT), "window_days": (1, WINDOW_LIMIT)}


def current(deps):
    """(settings, version): staff's, or the defaults at version 0."""
    saved, version = deps.bulky.settings()
    return ({**DEFAULT_SETTINGS, **saved} if saved else dict(DEFAULT_SETTINGS)), version


def view(settings, version):
    return {"items": settings["items"], "minimum_charge": settings["minimum_charge"],
            "max_items": settings["max_items"], "capacity_per_day": settings["capacity_per_day"],
            "window_days": settings["window_days"], "round_stream": settings["round_stream"],
            "crew_team": settings["crew_team"], "pricing": settings["pricing"], "bands": settings["bands"],
            "not_collected": settings["not_collected"],
            "currency": "GBP", "version": version}


def read(deps):
    settings, version = current(deps)
    return view(settings, version), f'"{version}"'


def whole(value, field, problems, low, high):
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problems.add(field, WHOLE_NUMBER.format(low=low, high=high))
        return None
    return value


def replace(deps, body, expected_version):
    """Save a whole new catalogue over `expected_version`; Stale (409) when
    someone saved first. Prices are whole pence: 12.5 or "12.50" is refused."""
    problems = validation.Problems()
    allowed = {"items", *WHOLE, "round_stream", "crew_team", "pricing", "bands", "not_collected"}
    for key in body:
        if key not in allowed:
            problems.add(key, NOT_A_SETTING if key not in ("currency", "version") else CANNOT_BE_SET)
    settings = {}
    items = body.get("items")
    if not isinstance(items, list) or not 1 <= len(items) <= CATALOGUE_MAX:
        problems.add("items", CATALOGUE_ITEMS_COUNT.format(most=CATALOGUE_MAX))
    else:
        seen, clean = set(), []
        for i, item in enumerate(items):
            where = f"items[{i}]"
            if not isinstance(item, dict) or set(item) - {"id", "name", "price"}:
                problems.add(where, ITEM_SHAPE)
                continue
            item_id = item.get("id")
            if not isinstance(item_id, str) or not re.fullmatch(ITEM_ID_PATTERN, item_id) or item_id in seen:
                problems.add(f"{where}.id", ITEM_ID)
            seen.add(item_id)
            name = validation.text(item.get("name"), f"{where}.name", problems, 1, ITEM_NAME_MAX, required=True)
            price = whole(item.get("price"), f"{where}.price", problems, 0, PRICE_MAX)
            clean.append({"id": item_id, "name": name, "price": price})
        settings["items"] = clean
    for key, (low, high) in WHOLE.items():
        if key not in body:
            problems.add(key, REQUIRED)
        else:
            settings[key] = whole(body[key], key, problems, low, high)
    stream = body.get("round_stream", DEFAULT_SETTINGS["round_stream"])
    if stream not in STREAMS:
        problems.add("round_stream", ONE_OF.format(choices=", ".join(STREAMS)))
    settings["round_stream"] = stream
    settings["pricing"], settings["bands"] = _pricing(body, settings.get("max_items"), problems)
    # Absent: the team stays as it is (a catalogue edit need not know the crews).
    settings["crew_team"] = (crew_team(deps, body["crew_team"], problems) if "crew_team" in body
                             else current(deps)[0]["crew_team"])
    settings["not_collected"] = body.get("not_collected", current(deps)[0]["not_collected"])
    if settings["not_collected"] not in NOT_COLLECTED_RULES:
        problems.add("not_collected", ONE_OF.format(choices=", ".join(NOT_COLLECTED_RULES)))
    problems.raise_if_any()
    by = deps.principal.user_id if deps.principal else None
    try:
        version = deps.bulky.save_settings(settings, expected_version, deps.clock(), by)
    except EditConflict:
        now, at = current(deps)
        raise Stale(view(now, at), f'"{at}"') from None
    return view(settings, version), f'"{version}"'


def crew_team(deps, team_id, problems):
    """The team that collects: one that exists and takes work (doorstep teams)."""
    team = deps.teams.get(team_id) if isinstance(team_id, str) and 0 < len(team_id) <= 40 else None
    if team is None or team.retired:
        problems.add("crew_team", NOT_A_TEAM)
    return team_id


def _pricing(body, max_items, problems):
    """(pricing, bands): per_item (no bands), or banded with bands by
    ascending up_to, the last covering max_items, each a whole-pence price."""
    pricing = body.get("pricing", "per_item")
    if pricing not in ("per_item", "banded"):
        problems.add("pricing", PRICING)
        return "per_item", []
    bands = body.get("bands", [])
    if pricing == "per_item":
        if bands:
            problems.add("bands", BANDS_WITHOUT_BANDED)
        return pricing, []
    if not isinstance(bands, list) or not 1 <= len(bands) <= BANDS_MAX:
        problems.add("bands", BANDS_COUNT.format(most=BANDS_MAX))
        return pricing, []
    clean, last = [], 0
    for i, band in enumerate(bands):
        if not isinstance(band, dict) or set(band) != {"up_to", "price"}:
            problems.add(f"bands[{i}]", BAND_SHAPE)
            continue
        up_to = whole(band["up_to"], f"bands[{i}].up_to", problems, last + 1, MAX_ITEMS_LIMIT)
        price = whole(band["price"], f"bands[{i}].price", problems, 0, PRICE_MAX * MAX_ITEMS_LIMIT)
        last = up_to if up_to is not None else last
        clean.append({"up_to": up_to, "price": price})
    if isinstance(max_items, int) and clean and last < max_items:
        problems.add("bands", LAST_BAND_SHORT.format(max_items=max_items))
    return pricing, clean
