"""The browser tests' stack and browser.

The app and web/ are served in this process by the project's dev server (as
`make run` serves them) on a free port, with S3 in moto's server over HTTP
(so the browser can post photos to it through presigned forms) and DynamoDB
and SQS in moto in this process, from the same memory,
the demo council's categories, addresses, wards, facilities and bin rounds,
and the alert dispatcher reading the events stream. One Chromium per worker (Debian's, driven
by Playwright), a new context per test.

This folder is a package so that its fixtures live for the folder only:
the stack points DOORSTEP_AWS_ENDPOINT at its moto server, which must not
outlive the browser tests in a worker that runs other tests afterwards.
"""
import gc
import os
import threading
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.web.browser import REFUSED, WAIT_MS, Browser, Stack, note_refused

# Every wait in these tests is for the thing it needs (a heading, a row, a
# pushed message), so a generous limit costs nothing when all is well and
# keeps a busy machine (another suite beside this one: signing in alone took
# 4.5 s at a load average of 13, against Playwright's 5 s default) from failing.
expect.set_options(timeout=WAIT_MS)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium-headless-shell"
# Without these Chromium calls Google's services at start-up, and a
# network without internet refuses every one of those connections.
CHROMIUM_FLAGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-first-run", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]


def dynamodb_in_process():
    """AWS's own DynamoDB address in the tests' region, which moto in this process answers."""
    return f"https://dynamodb.{os.environ['AWS_DEFAULT_REGION']}.amazonaws.com"


def _seed():
    from chalicelib.deps import default_deps
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.reports.services import clear_cache
    from chalicelib.storage.tables import ensure_tables
    from doorstep_cli import seed
    clear_cache()  # categories cached from an earlier test's storage
    ensure_tables(wait=False)
    BlobStore().ensure_bucket()
    deps = default_deps("http://localhost")
    seed.demo_council(deps, figures=False)  # each journey counts its own figures


@pytest.fixture(scope="package")
def quick_transactions():
    """The in-process suite's moto speed-ups, for the server's moto too:
    transactions that copy only their items (moto's deep-copies whole tables
    per transaction item), sorting with keys computed once, plain JSON answers,
    and the server's own: its service found without listing a folder per request."""
    from bench.motofast import served
    with served():
        yield


@pytest.fixture(scope="package")
def stack(tmp_path_factory, quick_transactions, _moto):
    from moto.server import ThreadedMotoServer
    from doorstep_cli.local.devserver import DoorstepRequestHandler, make_server
    vendored = ROOT / "web" / "vendor" / "leaflet" / "leaflet.js"
    assert vendored.is_file(), "run `make web` (make test does) to vendor Leaflet into web/vendor/"
    env = pytest.MonkeyPatch()
    env.setattr(DoorstepRequestHandler, "log_message", lambda *args: None)  # a line per request, from threads
    env.setattr(DoorstepRequestHandler, "log_request", note_refused)
    aws = ThreadedMotoServer("127.0.0.1", 0, verbose=False)
    aws.start()
    aws_url = "http://%s:%d" % aws.get_host_and_port()
    # moto's memory is process-wide: start from nothing an earlier test left.
    urllib.request.urlopen(urllib.request.Request(f"{aws_url}/moto-api/reset", method="POST"), timeout=60)
    server = dispatcher = sockets = None
    try:
        env.setenv("DOORSTEP_AWS_ENDPOINT", aws_url)
        # DynamoDB at AWS's own address, which moto answers in this process from the same memory
        # as its server: the app's and the dispatcher's calls skip HTTP and the server's parsing
        # (on two journey files the stack's interpreter samples went from 1,997 to 1,623).
        env.setenv("DOORSTEP_DYNAMODB_ENDPOINT", dynamodb_in_process())
        # The queues too: the alert worker's long polls, sends, hides and deletes over HTTP to the
        # server were a fifth of the stack's busy samples on three journey files (9,089 to 7,317).
        env.setenv("DOORSTEP_SQS_ENDPOINT", f"https://sqs.{os.environ['AWS_DEFAULT_REGION']}.amazonaws.com")
        _seed()
        from app import app
        from doorstep_cli.local.sockets import LocalSockets, lambda_entries
        sockets = LocalSockets(lambda_entries(app)).start()  # live chat, as `make run` serves it
        env.setenv("DOORSTEP_SOCKET_URL", sockets.url)
        env.setenv("DOORSTEP_SOCKET_ENDPOINT", sockets.api_url)
        server = make_server(app, "127.0.0.1", 0, ROOT / "web")
        env.setenv("DOORSTEP_PUBLIC_URL", server.url)  # links in answers and e-mails open this server
        env.setenv("PORT", server.url.rsplit(":", 1)[1])  # as `make run` sets it: other councils' links use it
        threading.Thread(target=server.serve_forever, daemon=True).start()
        from chalicelib.deps import default_deps
        from support.dispatcher import stream_dispatcher
        # The stream read four times a second, as Lambda polls a shard (and `make run`): ten a
        # second made its GetRecords a fifteenth of the stack's interpreter time.
        dispatcher = stream_dispatcher(tmp_path_factory.mktemp("stream") / "events.json",
                                       lambda: default_deps(server.url), interval=0.25, long_poll=True)
        yield Stack(server.url)
    finally:
        if dispatcher is not None:
            dispatcher.stop()
        if server is not None:
            server.shutdown()
        if sockets is not None:
            sockets.close()
        # moto's memory is process-wide: leave it empty for the tests after these.
        urllib.request.urlopen(urllib.request.Request(f"{aws_url}/moto-api/reset", method="POST"), timeout=60)
        aws.stop()
        env.undo()
        # Let go of the models' clients for that endpoint (a parsed service
        # model each, about a million objects in all) rather than keep them
        # for every garbage collection until the worker exits.
        from chalicelib.storage import binding
        binding.bind()
        gc.collect()


@pytest.fixture(scope="package")
def chromium():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def allowances_whole(request):
    """Every browser test comes from 127.0.0.1, so one test's reports would
    count against the next one's allowance (ten a minute per address): each
    starts with its allowances whole. The limits are tested in tests/api."""
    if "stack" not in request.fixturenames:
        return
    request.getfixturevalue("stack")
    from chalicelib.storage.counters import CounterModel
    with CounterModel.batch_write() as batch:
        for row in CounterModel.scan():  # the test stack's own table, a few rows
            batch.delete(row)


@pytest.fixture
def browser(request, stack, chromium):
    """A fresh phone: a new context (storage, permissions); with the app
    installed (its service worker) when the test is marked `installed`."""
    installed = request.node.get_closest_marker("installed") is not None
    made = Browser(chromium, stack, service_workers="allow" if installed else "block")
    yield made
    made.close()


@pytest.fixture
def page(browser):
    return browser.new_page()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed journey leaves a picture of each of its pages in .test-screens/."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "teardown":
        Browser.opened.clear()  # the next test's phones and answers only, whichever fixture opened them
        REFUSED.clear()
    if report.when == "call" and report.failed and Browser.opened:
        pictures = [picture for phone in Browser.opened for picture in phone.pictures()]
        for n, (url, png) in enumerate(pictures):
            path = Path(item.config.rootpath) / ".test-screens" / f"{item.name}-{n}.png"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(png)
            report.sections.append(("failure screenshot", f"{path} ({url})"))
        if REFUSED:
            report.sections.append(("the stack's last refusals", "\n".join(REFUSED)))




def pytest_configure(config):
    config.addinivalue_line("markers", "installed: the `browser` fixture's phone installs the app (its service worker)")
