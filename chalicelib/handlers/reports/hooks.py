"""Where reports, at the bottom of the capabilities (tests/architecture), asks
one above it without importing it. The capability registers a module by name
when its route table is wired (its routes.py), and reports imports it on the
first request that needs it: imports stay one-way and a cold start pays for
none of it.

- the raiser: `crew_team(deps, body)` -> (team, take) and `take_as_job(deps,
  report, now)` -> [Job], for reports a street crew raises in the field
  (crews/raised.py).
- forms: `templates(deps, report)` -> [ResponseTemplate], a form's case's own
  response templates, from its form's definition (forms/case_templates.py).

A crew's update ending a bulky collection's job is not a hook: it writes a
`job_ended` event, whose effect waste registers (handlers/shared/effects.py).
"""
import importlib

_REGISTERED = {}


def register(hook, module):
    _REGISTERED[hook] = module


def form_cases():
    """Forms' module for a form's case (its own templates: `templates(deps, report)`), or None."""
    name = _REGISTERED.get("form_cases")
    return importlib.import_module(name) if name else None


def raiser():
    """The raiser's module, or None where no capability registered one (a tool
    that makes reports without the app's routes)."""
    name = _REGISTERED.get("raiser")
    return importlib.import_module(name) if name else None
