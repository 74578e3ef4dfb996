"""Password hashing (scrypt) and the password policy.

Hashes look like ``scrypt$17$8$1$<salt b64>$<key b64>``: algorithm, log2(N),
r, p, salt, derived key. Verification reads the parameters from the stored
string, so raising the cost later leaves old hashes verifiable; `needs_rehash`
says when to re-hash one after a successful login.

Cost: OWASP's scrypt minimum, N=2**17, r=8, p=1, which allocates 128 MiB per
hash. The Lambda function therefore needs well over 128 MB of memory (512 MB
or more also buys the CPU to keep a hash well under a second).

``DOORSTEP_SCRYPT_LOG_N`` sets log2(N) for NEW hashes, read on every call.
Tests set it low (12) for speed; production must leave it unset (17).
"""
import base64
import functools
import gzip
import hashlib
import hmac
import importlib.resources
import os
import secrets
import unicodedata

from . import wording as words

ALGORITHM = "scrypt"
DEFAULT_LOG_N = 17
# Outside this range a setting or stored hash is a mistake or an attack:
# below 10 is trivially crackable, above 20 needs 1 GiB and times out Lambda.
MIN_LOG_N, MAX_LOG_N = 10, 20
R, P = 8, 1
SALT_BYTES, KEY_BYTES = 16, 32

# NCSC and OWASP (ASVS V2.1.1) accept 8 characters only behind MFA; resident
# accounts have none, so we ask for 10. No composition rules and no expiry:
# NCSC found both push people to predictable patterns.
MIN_LENGTH = 10
# scrypt cost barely grows with length, but NFKC and PBKDF2 do: the cap keeps
# a megabyte "password" from being cheap to send and dear to check.
MAX_LENGTH = 1024

_COMMON_FILE = "data/common-passwords.txt.gz"
_ENV_LOG_N = "DOORSTEP_SCRYPT_LOG_N"


def _current_log_n() -> int:
    raw = os.environ.get(_ENV_LOG_N, "").strip()
    if not raw:
        return DEFAULT_LOG_N
    # A bad value fails loudly: silently falling back could weaken every hash.
    if not raw.isdigit() or not MIN_LOG_N <= int(raw) <= MAX_LOG_N:
        raise ValueError(f"{_ENV_LOG_N} must be an integer from {MIN_LOG_N} to {MAX_LOG_N}, not {raw!r}")
    return int(raw)


def _normalise(password: str) -> str:
    # NFKC: a ligature, a full-width letter or a decomposed accent (as some
    # keyboards and phones send) is the same password as its plain form.
    return unicodedata.normalize("NFKC", password)


def _derive(password: str, salt: bytes, log_n: int, r: int, p: int, dklen: int) -> bytes:
    # surrogatepass: JSON can carry lone surrogates; they must hash, not raise.
    secret = _normalise(password).encode("utf-8", "surrogatepass")
    n = 1 << log_n
    # OpenSSL needs 128*r*(N+2) bytes for V plus 128*r*p for B; its default
    # cap is 32 MiB, far below N=2**17. Add a little headroom.
    maxmem = 128 * r * (n + 2) + 128 * r * p + (1 << 20)
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=maxmem)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _encode(log_n: int, salt: bytes, key: bytes) -> str:
    return f"{ALGORITHM}${log_n}${R}${P}${_b64(salt)}${_b64(key)}"


def _decode(encoded: object) -> tuple[int, int, int, bytes, bytes] | None:
    """(log_n, r, p, salt, key), or None for anything we did not write."""
    if not isinstance(encoded, str):
        return None
    parts = encoded.split("$")
    if len(parts) != 6 or parts[0] != ALGORITHM:
        return None
    if not all(part.isascii() and part.isdigit() for part in parts[1:4]):
        return None
    log_n, r, p = (int(part) for part in parts[1:4])
    # Bounds stop a tampered hash from asking for gigabytes or hours.
    if not (MIN_LOG_N <= log_n <= MAX_LOG_N and 1 <= r <= 32 and 1 <= p <= 16):
        return None
    try:
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except ValueError:  # binascii.Error is a ValueError
        return None
    if len(salt) < SALT_BYTES or not 16 <= len(key) <= 64:
        return None
    return log_n, r, p, salt, key


def hash_password(password: str) -> str:
    """A fresh-salted scrypt hash at the current cost. Run `check_password` first."""
    if len(_normalise(password)) > MAX_LENGTH:
        raise ValueError(f"password longer than {MAX_LENGTH} characters")
    log_n, salt = _current_log_n(), secrets.token_bytes(SALT_BYTES)
    return _encode(log_n, salt, _derive(password, salt, log_n, R, P, KEY_BYTES))


def verify_password(password: str, encoded: str) -> bool:
    """True if `password` matches; False for a wrong password or a bad hash."""
    decoded = _decode(encoded)
    if decoded is None or not isinstance(password, str):
        return False
    if len(_normalise(password)) > MAX_LENGTH:
        return False  # hash_password refuses these, so none can match
    log_n, r, p, salt, key = decoded
    candidate = _derive(password, salt, log_n, r, p, len(key))
    # Constant time, so response timing does not leak how many bytes matched.
    return hmac.compare_digest(candidate, key)


def needs_rehash(encoded: str) -> bool:
    """True if the hash is weaker than what `hash_password` makes now (or unreadable)."""
    decoded = _decode(encoded)
    if decoded is None:
        return True
    log_n, r, p, salt, key = decoded
    return log_n < _current_log_n() or r < R or p < P or len(salt) < SALT_BYTES or len(key) < KEY_BYTES


def dummy_verify(password: str) -> bool:
    """Cost one real verification and return False.

    Call it when no account has the e-mail given, so a failed login takes the
    same time whether or not the address is registered.
    """
    # The same code path, at the cost a real stored hash has now.
    dummy = _encode(_current_log_n(), bytes(SALT_BYTES), bytes(KEY_BYTES))
    verify_password(password, dummy)
    return False


@functools.cache
def _common_passwords() -> frozenset[str]:
    # Loaded on first use, once per Lambda container: most routes never need it.
    data = importlib.resources.files(__package__).joinpath(_COMMON_FILE).read_bytes()
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip())


def _folded(text: str) -> str:
    return _normalise(text).strip().casefold()


def check_password(password: str, *, email: str | None = None, name: str | None = None) -> list[str]:
    """What is wrong with `password`, as messages for the resident; [] if acceptable."""
    normalised = _normalise(password)
    if len(normalised) < MIN_LENGTH:
        return [words.PASSWORD_TOO_SHORT.format(min_length=MIN_LENGTH)]
    if len(normalised) > MAX_LENGTH:
        return [words.PASSWORD_TOO_LONG.format(max_length=MAX_LENGTH)]
    problems = []
    folded = _folded(password)
    if folded in _common_passwords():
        problems.append(words.PASSWORD_COMMON)
    if email:
        address = _folded(email)
        if folded in {address, address.rpartition("@")[0]} - {""}:
            problems.append(words.PASSWORD_IS_EMAIL)
    if name:
        full = _folded(name)
        # "Ada Lovelace" typed as "adalovelace" is still just the name.
        if folded in {full, "".join(full.split())} - {""}:
            problems.append(words.PASSWORD_IS_NAME)
    return problems
