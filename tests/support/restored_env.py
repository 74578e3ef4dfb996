"""Names a local office writes to os.environ (as `make run` points the app at
it), unset for a test and put back as they were after it."""


def unset_but_restored(monkeypatch, *names):
    """monkeypatch restores only what it touched: a bare delenv of a name that
    was not set let an office's address outlive its test, and the next test on
    the worker found a back office where none is configured. Set, then unset."""
    for name in names:
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
