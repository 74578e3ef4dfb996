"""Search across agenda items' titles and decisions without a scan: the
sync keeps, per month, one list of every item's title and the start of its
decision (storage/democracy/democracy.py's `search#YYYY-MM` documents, each far inside
an item's 400 KB: a busy month is a few hundred items), replaced meeting by
meeting as each changes; a search reads the months it spans in one
BatchGetItem and matches every word given as a word's start, case aside
("pothole" finds "potholes")."""
import re

WORD = re.compile(r"[a-z0-9]+")


def index_meeting(store, row, decision_chars):
    """This meeting's entries in its year's list, replacing those it had."""
    name = f"search#{row['date'][:7]}"
    kept = store.document(name)
    body = dict(kept[0]) if kept else {}
    entries = [[i["id"], i["title"], (i.get("decision") or "")[:decision_chars]]
               for i in row.get("items", []) if not i.get("heading")]
    body[row["id"]] = {"date": row["date"], "committee_id": row["committee_id"],
                       "committee_title": row["committee_title"], "cancelled": bool(row.get("cancelled")),
                       "items": entries}
    store.keep_document(name, body, None, row["checked_at"])


def words(text):
    return set(WORD.findall((text or "").lower()))


def months(first_day, last_day):
    """YYYY-MM of every month from one day to another."""
    year, month = int(first_day[:4]), int(first_day[5:7])
    while f"{year:04d}-{month:02d}" <= last_day[:7]:
        yield f"{year:04d}-{month:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def search(store, query, month_names, limit):
    """Items whose title or decision holds every word of `query`, newest meeting first."""
    wanted = words(query)
    found = []
    for body in store.documents([f"search#{m}" for m in month_names]).values():
        for meeting_id, meeting in body.items():
            for item_id, title, decision in meeting["items"]:
                have = words(f"{title} {decision}")
                if all(any(w.startswith(x) for w in have) for x in wanted):
                    found.append({"meeting_id": meeting_id, "item_id": item_id, "title": title,
                                  "decision": decision, "date": meeting["date"],
                                  "committee_id": meeting["committee_id"],
                                  "committee_title": meeting["committee_title"]})
    found.sort(key=lambda f: (f["date"], f["meeting_id"], f["item_id"]), reverse=True)
    return found[:limit]
