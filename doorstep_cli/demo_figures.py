"""`make run`'s figures of channel shift for each demo council: last year's and this year's months
counted as the app counts them (handlers/feedback/counting.py), so the figures page (/figures) has a
year to read and an officer's booking for a caller visibly moves this month's take-up. They are demo
numbers, drawn the same way every time from the council, the service and the month (a seeded
generator), with the online share rising month by month as each council's business case hoped; this
month's are drawn for the days gone so far. A council with any figures of its own gets none."""
import random

# Each service's transactions in a month, and its share done online in the first month drawn.
VOLUMES = {"reports": (900, 0.55), "bills": (400, 0.7), "halls": (200, 0.35), "bulky": (220, 0.6),
           "containers": (150, 0.6), "garden": (300, 0.75), "forms": (260, 0.8), "moving": (120, 0.5),
           "repairs": (500, 0.3), "appointments": (180, 0.45), "landlords": (30, 0.6), "consultations": (90, 0.9),
           "council_tax": (350, 0.5)}
SHIFT = 0.012  # the online share's rise each month
ASKED = 0.12  # the share of finished transactions whose question is answered


def months_to(today):
    """The council's last year and this one to this month (its years April to March: figures.months_of)."""
    from chalicelib.handlers.feedback.figures import months_of
    this_year = today.year if today.month >= 4 else today.year - 1
    return [m for m in months_of(this_year - 1) + months_of(this_year) if m <= today.strftime("%Y-%m")]


def drawn(council, service, month, n, share, part=1.0):
    """One month's counts of one service: finished online and assisted, starts, answers, contacts."""
    pick = random.Random(f"{council}/{service}/{month}")
    total = round(n * part * pick.uniform(0.85, 1.15))
    online = round(total * min(share, 0.97))
    rest = total - online  # by staff for a caller (assisted), or by phone or face to face with no portal
    assisted, phone = round(rest * 0.4), round(rest * 0.45)
    counts = {"finished_online": online, "finished_assisted": assisted, "contacts_phone": phone,
              "contacts_face_to_face": rest - assisted - phone,
              "started_online": round(online / pick.uniform(0.72, 0.88))}
    for channel, finished in (("online", online), ("assisted", assisted)):
        for rating, weight in zip(range(1, 6), (0.06, 0.08, 0.16, 0.38, 0.32)):
            counts[f"answers_{channel}_{rating}"] = round(finished * ASKED * weight * pick.uniform(0.8, 1.2))
    return {name: value for name, value in counts.items() if value > 0}


def demo_figures(deps, today=None):
    """Each demo council's months counted, unless it has figures of its own: how many councils were.
    Only the demo's councils (doorstep_cli/demo/councils/): every council the stage had once meant made-up
    figures for any council added to it, and with 400 a Query for each at every start."""
    from chalicelib import ids, tenancy
    from chalicelib.councils.registry import settings_of
    from chalicelib.storage.offboarding.records import OffboardStore
    from chalicelib.handlers.feedback.services import offered_here
    from doorstep_cli.councils import demo_ids
    today = today or ids.utc_now().date()
    months, filled = months_to(today), 0
    # The demo's councils alone, each read once (and kept for the first requests): a council added to
    # the stage is not the demo's, gets no made-up figures, and costs `make run`'s start nothing.
    for council in demo_ids():
        if settings_of(council) is None or OffboardStore().get(council) is not None:
            continue  # not added to this stage, or it has left (its record's one small row)
        with tenancy.acting_for(council):
            there = deps.for_council()
            if there.feedback.year(months[0], months[-1]):
                continue
            offered = offered_here(council)
            drawn_months = {}
            for step, month in enumerate(months):
                part = min(today.day / 30, 1.0) if month == months[-1] else 1.0
                for service, (n, share) in VOLUMES.items():
                    if service in offered:
                        drawn_months[month, service] = drawn(council, service, month, n, share + SHIFT * step, part)
            # Months before last written whole, 25 items a call (880 UpdateItems were 8.5 s of `make run`'s
            # start); this month and last by ADD, as a transaction finished meanwhile would count into them.
            current = set(months[-2:])
            there.feedback.fill({key: counts for key, counts in drawn_months.items() if key[0] not in current})
            for (month, service), counts in drawn_months.items():
                if month in current:
                    there.feedback.add(month, service, counts)
            filled += 1
    return filled
