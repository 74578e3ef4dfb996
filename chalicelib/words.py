"""The words a staff search matches: a report's description and address,
folded to lower case, without the words every report has."""
import re
import unicodedata

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
MAX_WORDS = 80  # a report's first distinct words: a long story's tail adds little to a search
STOP = frozenset("""a an and are as at be been but by for from has have in is it its near of off on or
out so that the their there this to was were with very very""".split())


def fold(text):
    """Lower case without accents, so "Café" finds "cafe"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(*texts):
    """The distinct searchable words of texts, in the order they first appear."""
    found = {}
    for text in texts:
        for word in WORD.findall(fold(text)):
            if len(word) > 1 and word not in STOP:
                found.setdefault(word, None)
                if len(found) >= MAX_WORDS:
                    return list(found)
    return list(found)
