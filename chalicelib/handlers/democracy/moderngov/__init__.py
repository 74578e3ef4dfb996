"""The Modern.gov adapter of the Democracy port (client.py), imported only on
first use (backoffice.configured): the app's import pays nothing for it."""
