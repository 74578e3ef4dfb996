"""Reading a capped number of pins from several key ranges, shared fairly.

The area feeds (feeds.py) read every open report of a ward or a circle, up to
a cap, to find the newest: each range gets an equal share first, so a busy
corner does not crowd out the rest of the area.
"""
MAX_ROUNDS = 6
MIN_LATER_SHARE = 25  # after the first round, no Query asks for fewer pins
READ_CEILING = 2  # read at most this many times the cap, however selective the filters
QUERY_BUDGET = 64


def read_capped(read_range, plans, cap, shown, budget=QUERY_BUDGET):
    """Read until `cap` pins are shown, shared fairly between the query ranges.

    Only pins that will be shown count against the cap, so a cover cell that
    straddles the edge does not crowd out pins in view; reads stop at
    READ_CEILING x cap whatever the filters, so cost stays bounded. The first
    round gives every range an equal share (pins spread over the whole view);
    later rounds give ranges with more a larger share, with few small queries.
    At most `budget` queries in all: what is left unread makes it truncated.
    """
    pending = [(plan, None) for plan in plans]
    kept, read, rounds, queries = [], 0, 0, 0
    ceiling = READ_CEILING * cap
    while pending and len(kept) < cap and read < ceiling and rounds < MAX_ROUNDS and queries < budget:
        want = cap - len(kept)
        share = -(-want // len(pending))
        if rounds:
            share = max(share, MIN_LATER_SHARE)
        rounds += 1
        still = []
        for plan, start in pending:
            room = min(share, ceiling - read)
            if room <= 0 or len(kept) >= cap or queries >= budget:
                still.append((plan, start))
                continue
            got, resume = read_range(*plan, room, start)
            queries += 1
            read += len(got)
            kept.extend(r for r in got if shown(r))
            if resume:
                still.append((plan, resume))
        pending = still
    return kept[:cap], bool(pending) or len(kept) > cap
