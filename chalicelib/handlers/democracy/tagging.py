"""An agenda item's or a forthcoming decision's place, read from its own
words: the wards it names and the topics its words fall in, by a mapping of
topic to words that staff may replace (data/meeting_topics.json is the
default: "highways" covers potholes and street lights). A pure function: the
sync tags what it copies; who is told of what (alerts) reads the tags later.

Words match as people write them: a mapping word matches itself, its plural
("pothole": "potholes", "bus": "buses") and, from five letters on, any word
it begins ("resurfacing" for "resurface" is not, "street lighting" for
"street light" is); a phrase matches its words in order. Ward names match
whole, the longest first, so "Clifton Without" is not also "Clifton"; a ward
named like a street ("Hull Road") is tagged wherever the street is named:
the words cannot tell them apart, and staff correct the tags."""
import json
import re
from functools import lru_cache
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "data" / "meeting_topics.json"
WORD = re.compile(r"[a-z0-9]+")


def words_of(text):
    return WORD.findall((text or "").lower().replace("\u2019", "'").replace("'", ""))


@lru_cache(maxsize=1)
def default_topics():
    """{topic: (phrase, ...)} of the file, read once per process."""
    found = json.loads(DEFAULT.read_text())
    return {topic: tuple(phrases) for topic, phrases in found.items() if not topic.startswith("_")}


def _term(term):
    """A mapping word as a pattern: itself and its plural, or from five letters any word it begins."""
    return re.escape(term) + ("[a-z0-9]*" if len(term) >= 5 else "(?:e?s)?")


@lru_cache(maxsize=256)
def _topic(phrases):
    """One pattern for a topic's phrases, over words joined by single spaces: each phrase its
    words in order, whole. Compiled once per mapping (the alert worker asks for every report
    category's topics on every meeting notice)."""
    parts = [" ".join(map(_term, terms)) for terms in map(words_of, phrases) if terms]
    return re.compile(f"(?<![a-z0-9])(?:{'|'.join(parts)})(?![a-z0-9])") if parts else None


def topics_of(text, topics):
    joined = " ".join(words_of(text))
    return sorted(topic for topic, phrases in topics.items()
                  if (pattern := _topic(tuple(phrases))) is not None and pattern.search(joined))


def wards_of(text, ward_names):
    """The wards named in `text`, each whole, the longest names first (their words then taken)."""
    words = words_of(text)
    found = []
    for name in sorted(set(ward_names), key=lambda n: (-len(words_of(n)), n)):
        terms = words_of(name)
        for i in range(len(words) - len(terms) + 1):
            if terms and words[i:i + len(terms)] == terms:
                found.append(name)
                words[i:i + len(terms)] = [""] * len(terms)  # "Clifton Without" is not "Clifton" too
    return sorted(set(found))


def tags(text, ward_names, topics=None):
    """{"wards": [...], "topics": [...]} of one item's or decision's words."""
    return {"wards": wards_of(text, ward_names), "topics": topics_of(text, default_topics() if topics is None
                                                                    else topics)}
