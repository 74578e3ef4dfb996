"""What a push subscription's endpoint is refused for (a browser's push
service is a public https URL; anything else could point the sender inside
a network)."""

TOO_LONG = "The endpoint must be a URL of at most {max} characters."
SPACES = "The endpoint contains spaces or control characters."
NOT_URL = "The endpoint is not a valid URL."
NOT_HTTPS = "The endpoint must be an https URL."
CREDENTIALS = "The endpoint must not carry a user name or password."
PORT = "The endpoint must use the standard https port."
PRIVATE_ADDRESS = "The endpoint points at a private or reserved address."
NOT_PUBLIC_NAME = "The endpoint's host is not a public name."
UNRESOLVED = "The endpoint's host name does not resolve."
RESOLVES_PRIVATE = "The endpoint's host resolves to a private or reserved address."
