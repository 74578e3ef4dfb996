# Two commands do all the set-up: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000
export PORT

.PHONY: run test bench bench-alerts venv clean package deploy

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet "pip>=23,<26.3"  # chalice 1.34 requires pip<26.3
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	command -v strip >/dev/null || (apt-get update -qq && apt-get install -y -qq binutils)  # make package
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/doorstep serve

# loadgroup: one worker builds the Lambda package once for all tests/infra.
test: $(STAMP)
	$(PY) -m pytest -n 2 --dist loadgroup tests

bench: $(STAMP)
	$(PY) -m bench.run

bench-alerts: $(STAMP)
	$(PY) -m bench.alertcost

# dist/: the Lambda zip and the one CloudFormation template (offline, no AWS account).
package: $(STAMP)
	$(PY) -m infra.package

# make deploy STAGE=name PUBLIC_URL=... EMAIL_FROM=... SES_IDENTITY=... ARTIFACT_BUCKET=... (infra/README.md)
deploy: package
	STAGE=$(STAGE) bash infra/deploy.sh

clean:
	rm -rf $(VENV) build dist
