"""Every function of the package imports app.py on a cold start: what only
one route needs must not be loaded by that, nor by importing any module of
the app."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ONE_ROUTE_ONLY = ["icalendar", "geopy", "PIL"]  # bins.ics, geocoding, photos
EVERY_MODULE = r"""
import pkgutil, sys, app, chalicelib
for m in pkgutil.walk_packages(chalicelib.__path__, "chalicelib."):
    __import__(m.name)
print(" ".join(sorted(n for n in sys.argv[1:] if n in sys.modules)))
"""


def test_importing_the_app_and_all_its_modules_loads_no_route_only_dependency():
    result = subprocess.run([sys.executable, "-c", EVERY_MODULE, *ONE_ROUTE_ONLY], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []
