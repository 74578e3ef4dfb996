"""The app's own loggers write what its operators need: Chalice sets its
app's logger ("doorstep", the parent of the app's "doorstep.*" loggers) to
ERROR, which had dropped their warnings (a back office away, a form's
webhook failing, a lease lost); the modules' own (`chalicelib.*`) wrote
warnings but never a notice."""
import logging

from chalicelib.config import log_level


def test_the_apps_warnings_and_notices_are_written_and_its_debugging_is_not(monkeypatch):
    monkeypatch.delenv("DOORSTEP_LOG_LEVEL", raising=False)
    import app  # noqa: F401  (the app sets its logger's level as it is imported)
    assert log_level() == logging.INFO
    for name in ("doorstep.revenues", "chalicelib.handlers.payments.webhooks"):  # both kinds of name it uses
        mine = logging.getLogger(name)
        assert mine.isEnabledFor(logging.WARNING) and mine.isEnabledFor(logging.INFO), name
        assert not mine.isEnabledFor(logging.DEBUG), name


def test_a_council_chooses_the_level_and_a_name_it_mistypes_is_info(monkeypatch):
    for given, level in (("ERROR", logging.ERROR), ("warning", logging.WARNING), (" debug ", logging.DEBUG),
                         ("LOUD", logging.INFO), ("", logging.INFO)):
        monkeypatch.setenv("DOORSTEP_LOG_LEVEL", given)
        assert log_level() == level, given
