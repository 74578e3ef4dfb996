"""HTTP(S) connections to an address already checked (endpoints.target):
no second DNS lookup between the check and the connection, which a
rebinding DNS server could answer with an inside address."""
import http.client
import socket
import ssl


def connection(where, timeout):
    if where.scheme == "http":  # the local stages' own push service only
        return _Pinned(where.host, where.address, where.port, timeout)
    return _PinnedTLS(where.host, where.address, where.port, timeout, ssl.create_default_context())


class _Pinned(http.client.HTTPConnection):
    """Connects to the checked address; Host stays the endpoint's name."""

    def __init__(self, host, address, port, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    def __init__(self, host, address, port, timeout, context):
        super().__init__(host, port, timeout=timeout, context=context)
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        # SNI and certificate checks use the endpoint's name, not the address.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
