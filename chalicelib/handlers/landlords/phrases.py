"""How a claim is found: the words of the tenant's name and of the address
with its postcode, as the remittance prints them, and any run of them.

A claim is kept once under its reference and once for each word of its name
and of its address: the row's key is that word and every word after it
("addr:264 heworth green york yo31 7tq #HB51973"), so a run of words anywhere
in the address is the start of one key, and a search is one Query of keys
beginning with it ("addr:264 heworth green "). Whole words: the space after
the run means "Flat 1" is not Flat 10. Names are searched before addresses;
a claim a search would meet twice (a tenant named Green on Heworth Green,
"5" in "Flat 5, 5 Mill Lane") is shown where it is met first only, which each
row can tell from the claim it holds, so every page costs what it shows."""
import re

KINDS = ("name", "addr")  # the order results come in
CLAIM = re.compile(r"^HB[0-9]{5}$")
_NOT_WORD = re.compile(r"[\W_]+")
_POSTCODE = re.compile(r"^([a-z]{1,2}[0-9][a-z0-9]?)([0-9][a-z]{2})$")


def words(text):
    """"Flat 5, 264 Heworth Green, York" -> [flat, 5, 264, heworth, green, york]; a postcode written
    without its space reads as one with it, on both sides of a search."""
    found = []
    for word in _NOT_WORD.sub(" ", (text or "").casefold()).split():
        postcode = _POSTCODE.match(word)
        found += list(postcode.groups()) if postcode else [word]
    return found


def sequences(body):
    """The claim's words by kind: its tenant's name, its address and postcode."""
    return {"name": words(body["tenant"]), "addr": words(f"{body['address']} {body['postcode']}")}


def terms(body):
    """(kind, value) of every row a claim is kept under; the row's key is f"{kind}:{value}#{claim_ref}"."""
    found = [("ref", body["claim_ref"])]
    for kind, seq in sequences(body).items():
        found += sorted({(kind, " ".join(seq[i:]) + " ") for i in range(len(seq))})
    return found


def row_key(kind, value, claim_ref):
    return f"{kind}:{value}#{claim_ref}"


def asked(text):
    """(kinds searched, the words asked): a claim reference is looked up as one."""
    upper = (text or "").strip().upper()
    if CLAIM.match(upper):
        return ("ref",), upper
    return KINDS, " ".join(words(text))


def prefix(kind, asked_words):
    return f"ref:{asked_words}#" if kind == "ref" else f"{kind}:{asked_words} "


def met_first(kind, key, body, asked_words):
    """Whether the row `key` is where a search for `asked_words` meets its claim first: its name before its
    address, and the first place in either that the words run."""
    if kind == "ref":
        return True
    seqs, run = sequences(body), asked_words.split()
    if kind == "addr" and _starts(seqs["name"], run) is not None:
        return False  # listed with the names
    seq = seqs[kind]
    suffix = key[len(kind) + 1:key.rindex("#")].split()
    return _starts(seq, run) == len(seq) - len(suffix)


def _starts(seq, run):
    """Where `run` first occurs in `seq`, or None."""
    for i in range(len(seq) - len(run) + 1):
        if seq[i:i + len(run)] == run:
            return i
    return None
