"""Where Doorstep may send a push: public push services only.

A subscription's endpoint is a URL the caller of our API chose. Unchecked, it
would make the Lambda POST wherever it can reach: the instance metadata
service, VPC-internal hosts, localhost. So outside the local and test stages
an endpoint must be https on port 443, its host a name (or a public IP
literal), and every address its name resolves to public. The sender connects
to the very address checked here (no second lookup a rebinding DNS server
could answer differently) and follows no redirect.

On the local and test stages `http(s)://127.0.0.1:<port>` and `localhost`
are allowed too, so a push service on the developer's machine can receive.
"""
import ipaddress
import socket
from collections import namedtuple
from urllib.parse import urlsplit

from . import LOCAL_STAGES
from . import wording as words

MAX_URL_LENGTH = 2048
# Names that only mean something inside a network, never a push service.
INTERNAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".lan", ".intranet")

# address: the IP to connect to; origin: the VAPID `aud` (scheme://host[:port]).
Target = namedtuple("Target", "scheme host port address origin path")


class EndpointRefused(Exception):
    """Never acceptable: the subscription should not be stored or used."""


class EndpointUnresolved(Exception):
    """The name does not resolve now: refused when subscribing, retried when sending."""


def endpoint_problem(url, stage, lookup=True):
    """Why this push endpoint is unacceptable, or None when it is fine.
    lookup=False checks all but the DNS answers (the sender checks those
    again before every push anyway)."""
    try:
        target(url, stage, lookup)
    except (EndpointRefused, EndpointUnresolved) as e:
        return str(e)
    return None


def resolve(host, port):
    """Every address the name resolves to (tests replace this)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [info[4][0] for info in infos]


def target(url, stage, lookup=True):
    local = stage in LOCAL_STAGES
    if not isinstance(url, str) or not url or len(url) > MAX_URL_LENGTH:
        raise EndpointRefused(words.TOO_LONG.format(max=MAX_URL_LENGTH))
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise EndpointRefused(words.SPACES)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise EndpointRefused(words.NOT_URL)
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme not in ("https", "http") or not host:
        raise EndpointRefused(words.NOT_HTTPS)
    if parts.username is not None or parts.password is not None:
        raise EndpointRefused(words.CREDENTIALS)
    default_port = 443 if parts.scheme == "https" else 80
    port = port or default_port
    origin = f"{parts.scheme}://{host}" + ("" if port == default_port else f":{port}")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if local and _is_local_push_service(host):
        return Target(parts.scheme, host, port, "127.0.0.1" if host == "localhost" else host, origin, path)
    if parts.scheme != "https":
        raise EndpointRefused(words.NOT_HTTPS)
    if port != 443:
        raise EndpointRefused(words.PORT)
    return Target(parts.scheme, host, port, _public_address(host, port, lookup), origin, path)


def _is_local_push_service(host):
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.version == 4 and ip.is_loopback


def _public_address(host, port, lookup=True):
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        if not is_public(literal):
            raise EndpointRefused(words.PRIVATE_ADDRESS)
        return host
    labels = host.split(".")
    if host == "localhost" or len(labels) < 2 or host.endswith(INTERNAL_SUFFIXES):
        raise EndpointRefused(words.NOT_PUBLIC_NAME)
    last = labels[-1]
    if last.isdigit() or last.startswith("0x"):  # 127.1, 0x7f.1: IPv4 in disguise
        raise EndpointRefused(words.NOT_PUBLIC_NAME)
    if not lookup:
        return None
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError):
        addresses = []
    if not addresses:
        raise EndpointUnresolved(words.UNRESOLVED)
    for address in addresses:
        if not is_public(ipaddress.ip_address(address.split("%")[0])):
            raise EndpointRefused(words.RESOLVES_PRIVATE)
    return addresses[0]


def is_public(ip):
    if ip.version == 6 and (ip.ipv4_mapped or ip.sixtofour):
        ip = ip.ipv4_mapped or ip.sixtofour  # ::ffff:10.0.0.1 and 2002:a00:1:: reach 10.0.0.1
    return ip.is_global and not ip.is_multicast
