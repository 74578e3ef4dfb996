"""What a webcast's desk may do now, said before it is tried: marking an
item "now on" is for the meeting's own day, from a little before its start
(a mark a week early would make the public page say "Live"), and the
chapters export as YouTube's description text only when YouTube would take
them (at least 3, the first at 0:00, each at least 10 s after the last)."""
from datetime import timedelta

from ...stamps import stamp
from . import rules, wording

MARK_BEFORE = timedelta(hours=1)  # officers open the webcast and mark the first item shortly before the start
MARK_AFTER = timedelta(hours=12)  # a long evening meeting runs past midnight
YOUTUBE_MIN_CHAPTERS, YOUTUBE_MIN_GAP_S = 3, 10


def live_window(meeting):
    """(from, until): when items may be marked "now on"."""
    start = rules.meeting_start(meeting)
    return start - MARK_BEFORE, max(rules.meeting_ends(meeting), start + MARK_AFTER)


def live(meeting, now):
    """The window as the desk shows it: open now or not, and in words."""
    opens, closes = live_window(meeting)
    return {"open": opens <= now < closes, "from": stamp(opens), "until": stamp(closes),
            "says": wording.LIVE_WINDOW.format(opens=wording.moment(opens), closes=wording.moment(closes))}


def youtube_problems(chapters):
    """[{field, message}] of each rule YouTube's description chapters break; [] when it would take them."""
    problems = []
    if len(chapters) < YOUTUBE_MIN_CHAPTERS:
        problems.append({"field": "chapters", "message": wording.YT_FEW.format(least=YOUTUBE_MIN_CHAPTERS,
                                                                               count=len(chapters))})
    if chapters and chapters[0]["at_s"] != 0:
        problems.append({"field": "chapters[0]", "message": wording.YT_FIRST.format(at=chapters[0]["at"])})
    for n in range(1, len(chapters)):
        gap = chapters[n]["at_s"] - chapters[n - 1]["at_s"]
        if gap < YOUTUBE_MIN_GAP_S:
            problems.append({"field": f"chapters[{n}]", "message": wording.YT_GAP.format(
                at=chapters[n]["at"], gap=gap, least=YOUTUBE_MIN_GAP_S, before=chapters[n - 1]["at"])})
    return problems
