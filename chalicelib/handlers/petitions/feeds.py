"""RSS 2.0 of open petitions, newest first: the text residents wrote and the
count; never a signer's or creator's name or e-mail."""
from ..reports.rss import html_paragraphs, render
from .wording import FEED_DESCRIPTION, FEED_ITEM_COUNT, FEED_TITLE

CONTENT_TYPE = "application/rss+xml; charset=utf-8"
MAX_AGE_SECONDS = 60
FEED_MAX_ITEMS = 50


def open_feed(deps):
    now = deps.clock()
    found, _ = deps.petitions.in_state("open", None, FEED_MAX_ITEMS, newest_first=True,
                                       after=now.strftime("%Y-%m-%dT%H:%M:%S"))
    found.sort(key=lambda p: (p.opened_at, p.id), reverse=True)
    items = [{"title": p.action, "link": f"{deps.base_url}/petitions/{p.id}", "guid": f"petition-{p.id}",
              "pub_date": p.opened_at, "category": p.ward or "petition",
              "description": html_paragraphs(p.background, p.details,
                                             FEED_ITEM_COUNT.format(signatures=int(p.signatures or 0),
                                                                    closes=p.closes_at)),
              "point": (float(p.lat), float(p.lon)) if p.lat is not None else None} for p in found]
    return render({"title": FEED_TITLE, "link": f"{deps.base_url}/petitions",
                   "description": FEED_DESCRIPTION,
                   "self_url": f"{deps.base_url}/v1/feeds/petitions.rss", "last_build": now, "ttl": 5}, items)
