# Two commands do all the set-up: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
VENDOR := web/vendor/.installed
CHROMIUM := /usr/bin/chromium
PORT ?= 8000
export PORT

.PHONY: run test bench bench-alerts venv web screens clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet "pip>=23,<26.3"  # chalice 1.34 requires pip<26.3
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

# The web app's front-end packages (package-lock.json), copied into web/vendor/
# so the app never loads code from a CDN; `make web` then deploy web/ as static files.
$(VENDOR): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf web/vendor && mkdir -p web/vendor/leaflet
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css \
	  node_modules/leaflet/dist/images node_modules/leaflet/LICENSE web/vendor/leaflet/
	touch $@

web: $(VENDOR)

# The browser tests drive Debian's Chromium (never a downloaded browser).
$(CHROMIUM):
	$$(test "$$(id -u)" = 0 || echo sudo) apt-get install -y chromium \
	  || ($$(test "$$(id -u)" = 0 || echo sudo) apt-get update && $$(test "$$(id -u)" = 0 || echo sudo) apt-get install -y chromium)

run: $(STAMP) $(VENDOR)
	$(VENV)/bin/doorstep serve

test: $(STAMP) $(VENDOR) $(CHROMIUM)
	$(PY) -m pytest -n 2 tests

# The README's pictures: every screen at 412 x 915, into docs/screens/.
screens: $(STAMP) $(VENDOR) $(CHROMIUM)
	DOORSTEP_SCREENSHOTS=docs/screens $(PY) -m pytest -p no:xdist tests/web/test_every_screen.py

bench: $(STAMP)
	$(PY) -m bench.run

bench-alerts: $(STAMP)
	$(PY) -m bench.alertcost

clean:
	rm -rf $(VENV)
