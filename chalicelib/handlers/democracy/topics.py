"""The mapping of topics to words that places agenda items (tagging.py):
staff read it and replace it, naming the version they read (If-Match), so
two officers' edits never silently overwrite each other. Until staff edit
it, it is the default file's. Items are tagged again as the sync next copies
them (an agenda that changes, or one newly read)."""
from ...errors import Stale
from ...validation import Problems
from . import tagging
from .wording import TOPIC_NAMED as NAMED, TOPIC_WORDS as WORDS, TOPICS_SHAPE as SHAPE

NAME = "topics"
TOPICS_MAX, PHRASES_MAX, TEXT_MAX = 50, 60, 60


def current(store):
    """(mapping, version): the staff's, else the default (version 0)."""
    body, version = store.versioned(NAME)
    return (body if body is not None else {t: list(p) for t, p in tagging.default_topics().items()}), version


def view(store):
    mapping, version = current(store)
    return {"topics": mapping, "version": version, "edited": version > 0}, f'"{version}"'


def checked(body):
    """The mapping as given, its shape (400) and then its words (422) checked."""
    problems = Problems()
    mapping = body.get("topics") if isinstance(body, dict) else None
    if not isinstance(mapping, dict) or not 1 <= len(mapping) <= TOPICS_MAX or not all(
            isinstance(p, list) and 1 <= len(p) <= PHRASES_MAX and
            all(isinstance(w, str) and 1 <= len(w) <= TEXT_MAX for w in p) for p in mapping.values()):
        problems.add("topics", SHAPE)
        problems.raise_if_any()
    clean = {}
    for topic, phrases in mapping.items():
        name = topic.strip()
        if not 1 <= len(name) <= TEXT_MAX or name.startswith("_"):
            problems.rule(f"topics.{topic[:TEXT_MAX]}", NAMED)
        elif not all(tagging.words_of(p) for p in phrases):
            problems.rule(f"topics.{name}", WORDS)
        else:
            clean[name] = sorted({p.strip() for p in phrases})
    problems.raise_if_any()
    return clean


def change(deps, body, version):
    from ...storage.errors import EditConflict
    mapping = checked(body)
    try:
        deps.democracy.replace_versioned(NAME, mapping, version, deps.clock())
    except EditConflict:
        now, etag = view(deps.democracy)
        raise Stale(now, etag) from None
    return view(deps.democracy)
