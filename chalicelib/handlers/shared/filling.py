"""A part's words with its facts filled in, as a life event's page says them
(moving, business): a fact the part does not have is left blank, never a KeyError."""


class _Blank(dict):
    def __missing__(self, key):
        return ""


def filled(words, values):
    """`words` ({placeholders}) with `values`; None for no words."""
    return None if not words else words.format_map(_Blank(values))
