"""A forged token for tests: one that differs from the real one whatever its characters are.

Replacing the last characters with fixed ones ("00", "0000") leaves a token that
already ended so unchanged, and the test then fails once in 256 (or 65,536) runs."""


def tampered(token: str, last: int = 1) -> str:
    """`token` with each of its last `last` characters changed to another."""
    head, tail = token[:-last], token[-last:]
    return head + "".join("1" if c == "0" else "0" for c in tail)
