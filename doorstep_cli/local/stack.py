"""`make run`: the whole app on this machine, no AWS account needed.

Starts DynamoDB Local (data) and moto's server (S3 photos, mail and SMS),
points this process's AWS settings at them, lets the caller create tables and
demo data, then serves the Chalice app and web/ until Ctrl-C or SIGTERM.
Both keep every acknowledged write on disk as it happens, so there is nothing
to save on the way out and nothing to repair after a crash.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doorstep_cli.local.files import atomic_write_bytes
from doorstep_cli.local.process_identity import identity, is_running
from doorstep_cli.local.serving import bind_listening_socket, client_host, ensure_port_free, free_port, port_for

STACK_FILE = "stack.json"
DEFAULT_REGION = "eu-west-2"
# Profiles make boto3 (and moto's own backend set-up) look for a named
# profile; locally everything runs on the dummy keys below instead.
PROFILE_VARIABLES = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN")


def read_stack(data_dir: Path) -> dict[str, Any] | None:
    """The running stack's URLs and pid, or None if no live stack owns data_dir."""
    try:
        info = json.loads((Path(data_dir) / STACK_FILE).read_text())
        pid = int(info["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    # A killed stack's pid may be a zombie not yet reaped, or taken by another program.
    return info if is_running({**info, "pid": pid}) else None


def configure_environment(emulator_url: str, dynamodb_url: str) -> str:
    """Point this process's AWS clients at the local services; returns the region."""
    env = os.environ
    for name in PROFILE_VARIABLES:
        env.pop(name, None)
    env["DOORSTEP_AWS_ENDPOINT"] = emulator_url
    env["DOORSTEP_DYNAMODB_ENDPOINT"] = dynamodb_url
    env["AWS_ACCESS_KEY_ID"] = "local"
    env["AWS_SECRET_ACCESS_KEY"] = "local"
    env.setdefault("AWS_DEFAULT_REGION", DEFAULT_REGION)
    env.setdefault("DOORSTEP_STAGE", "local")
    # Otherwise botocore tries to build account-specific DynamoDB endpoints.
    env["AWS_ACCOUNT_ID_ENDPOINT_MODE"] = "disabled"
    return env["AWS_DEFAULT_REGION"]


def local_ports(port: int) -> tuple[int, int]:
    """(moto's port, DynamoDB Local's port): set, or the two after PORT (0: ports of their own)."""
    return port_for("DOORSTEP_EMULATOR_PORT", port, 1), port_for("DOORSTEP_DYNAMODB_PORT", port, 2)


def start_local_payments(data_dir: Path, port: int, web_port: int | None = None):
    """The local GOV.UK Pay-speaking provider (doorstep_cli/local/pay_provider.py),
    and the app pointed at it as it would be at GOV.UK Pay; None when
    DOORSTEP_PAY_URL names a real provider already (README: Payments). Its first
    account is the default council's, webhooks to the web server (`web_port`, the
    one bound: PORT may be 0); the other demo councils' accounts are added beside
    it (council_offices.start)."""
    env = os.environ
    if env.get("DOORSTEP_PAY_URL"):
        return None
    from chalicelib import tenancy
    from doorstep_cli.local.pay_provider import PayProvider
    pay_port = port_for("DOORSTEP_PAY_PORT", port, 3)
    ensure_port_free("127.0.0.1", pay_port, "payment provider")
    provider = PayProvider(api_key=env.get("DOORSTEP_PAY_API_KEY") or "local-pay-api-key",
                           webhook_secret=env.get("DOORSTEP_PAY_WEBHOOK_SECRET") or "local-pay-webhook-secret",
                           webhook_url=f"http://127.0.0.1:{web_port or port}/v1/payments/webhook", port=pay_port,
                           state_file=data_dir / "payments.json", account_id=tenancy.default())
    env.update(DOORSTEP_PAY_URL=provider.origin, DOORSTEP_PAY_API_KEY=provider.api_key,
               DOORSTEP_PAY_WEBHOOK_SECRET=provider.webhook_secret)
    return provider


def start_local_back_office(data_dir: Path, port: int):
    """The local Civica-speaking revenues and benefits back office
    (doorstep_cli/local/civica.py), and the app pointed at it as it would be at a
    council's Civica; None when DOORSTEP_CIVICA_URL names a real one already."""
    env = os.environ
    if env.get("DOORSTEP_CIVICA_URL"):
        return None
    from doorstep_cli.local.civica import CivicaBackOffice
    civica_port = port_for("DOORSTEP_CIVICA_PORT", port, 7)
    ensure_port_free("127.0.0.1", civica_port, "revenues back office")
    office = CivicaBackOffice(port=civica_port, nightly=nightly_window(env.get("DOORSTEP_CIVICA_NIGHTLY")),
                              state_file=data_dir / "civica.json")
    office.delay_s = int(env.get("DOORSTEP_CIVICA_DELAY_MS") or 0) / 1000  # as slow as a council's, to measure
    env.update(DOORSTEP_CIVICA_URL=office.url, DOORSTEP_CIVICA_USER=office.user,
               DOORSTEP_CIVICA_PASSWORD=office.password)
    return office


def start_local_bill_office(port: int):
    """The parking system and finance's posting receivers (doorstep_cli/local/bill_office.py),
    and the app pointed at them; None when DOORSTEP_BILL_OFFICE_URL names real ones already."""
    env = os.environ
    if env.get("DOORSTEP_BILL_OFFICE_URL"):
        return None
    from doorstep_cli.local.bill_office import BillOffice
    office_port = port_for("DOORSTEP_BILL_OFFICE_PORT", port, 12)
    ensure_port_free("127.0.0.1", office_port, "bill office")
    office = BillOffice(port=office_port, secret=env.get("DOORSTEP_BILL_OFFICE_SECRET") or "local-bill-office-secret")
    env.update(DOORSTEP_BILL_OFFICE_URL=office.url, DOORSTEP_BILL_OFFICE_SECRET=office.secret)
    return office


def start_local_moderngov(data_dir: Path, port: int):
    """The local Modern.gov-speaking committee system (doorstep_cli/local/moderngov.py),
    its state in the data directory, and the app pointed at it as it would be at a
    council's; None when DOORSTEP_MODERNGOV_URL names a real one already."""
    env = os.environ
    if env.get("DOORSTEP_MODERNGOV_URL"):
        return None
    from doorstep_cli.local.moderngov import ModernGov
    moderngov_port = port_for("DOORSTEP_MODERNGOV_PORT", port, 14)
    ensure_port_free("127.0.0.1", moderngov_port, "committee system")
    office = ModernGov(port=moderngov_port, state_file=data_dir / "moderngov.json")
    env["DOORSTEP_MODERNGOV_URL"] = office.url
    return office


def start_local_public_access(data_dir: Path, port: int):
    """The local Idox Public Access planning register (doorstep_cli/local/public_access.py), its
    state in the data directory, and the app pointed at it as it would be at a council's, with a
    1 s gap between requests (a council's wants 10: DOORSTEP_PLANNING_GAP_S); None when
    DOORSTEP_PLANNING_URL names a real one already."""
    env = os.environ
    if env.get("DOORSTEP_PLANNING_URL"):
        return None
    from doorstep_cli.local.public_access import PublicAccess
    register_port = port_for("DOORSTEP_PUBLIC_ACCESS_PORT", port, 16)
    ensure_port_free("127.0.0.1", register_port, "planning register")
    register = PublicAccess(port=register_port, state_file=data_dir / "public_access.json",
                            quiet=env.get("DOORSTEP_PUBLIC_ACCESS_QUIET", ""))
    env["DOORSTEP_PLANNING_URL"] = register.root
    env.setdefault("DOORSTEP_PLANNING_GAP_S", "1")
    env.setdefault("DOORSTEP_PLANNING_QUIET", register.quiet)
    return register


def start_local_scheduler(data_dir: Path, port: int):
    """The local DRS-speaking contractor's scheduler for repairs
    (doorstep_cli/local/drs.py), and the app pointed at it as it would be at a
    contractor's DRS; None when DOORSTEP_DRS_URL names a real one already."""
    env = os.environ
    if env.get("DOORSTEP_DRS_URL"):
        return None
    from doorstep_cli.local.drs import LocalScheduler
    drs_port = port_for("DOORSTEP_DRS_PORT", port, 17)
    ensure_port_free("127.0.0.1", drs_port, "repairs scheduler")
    office = LocalScheduler(port=drs_port, state_file=data_dir / "drs.json",
                            capacity=int(env.get("DOORSTEP_DRS_CAPACITY") or 2))
    env.update(DOORSTEP_DRS_URL=office.url, DOORSTEP_DRS_LOGIN=office.login, DOORSTEP_DRS_PASSWORD=office.password)
    return office


def start_local_webcasts(port: int):
    """The local webcast provider (doorstep_cli/local/webcasts.py): its players' pages and
    recordings' chapters indexes, and the app pointed at them; None when
    DOORSTEP_WEBCAST_CHAPTERS_URL names a real provider's index already."""
    env = os.environ
    if env.get("DOORSTEP_WEBCAST_CHAPTERS_URL"):
        return None
    from doorstep_cli.local.webcasts import WebcastProvider
    webcast_port = port_for("DOORSTEP_WEBCAST_PORT", port, 15)
    ensure_port_free("127.0.0.1", webcast_port, "webcast provider")
    provider = WebcastProvider(port=webcast_port)
    env["DOORSTEP_WEBCAST_CHAPTERS_URL"] = provider.chapters_url
    if not env.get("DOORSTEP_WEBCAST_URL"):  # a council's player, if set, with our indexes
        env["DOORSTEP_WEBCAST_URL"] = provider.webcast_url
    return provider


def nightly_window(text):
    """DOORSTEP_CIVICA_NIGHTLY: "01:30-04:15" (London time, the default, as one
    council's portal sleeps) or "off"."""
    from datetime import time as clock_time
    if (text or "").strip().lower() == "off":
        return None
    start, _, end = (text or "01:30-04:15").partition("-")
    return tuple(clock_time(*map(int, part.split(":"))) for part in (start, end))


def run_stack(
    data_dir: Path,
    port: int,
    web_dir: Path,
    app_loader: Callable[[], object],
    prepare: Callable[[], None],
    host: str = "127.0.0.1",
    background: Callable[[int], Callable[[], None]] | None = None,
) -> int:
    """`background`, if given, starts work beside the server (the events
    stream reader) once storage is ready, before the server answers, and
    returns how to stop it; it is given the PORT its servers follow (`siblings`)."""
    from chalicelib import tenancy
    from doorstep_cli.local import aws_clients
    if tenancy.current_or_none() is None:
        tenancy.use(tenancy.default())  # the stack's own start-up (tables, demo data) is its first council's
    from doorstep_cli.local.devserver import make_server
    from doorstep_cli.local.dynamodb_local import DynamoDBLocal, ready_on_a_port_of_its_own
    from doorstep_cli.local.emulator import Emulator

    started = time.monotonic()
    data_dir = Path(data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    running = read_stack(data_dir)
    if running:
        # Two stacks on one directory would run two engines on one database file.
        raise RuntimeError(f"Doorstep is already running at {running['api_url']} (pid {running['pid']}).")
    emulator_port, dynamodb_port = local_ports(port)
    # Bound up front, so a taken port fails in milliseconds, not after start-up, and kept until
    # the web server takes it over: no other program can take it in between (PORT 0: one of its own).
    web_socket = bind_listening_socket(host, port, "web server")
    # The servers beside it take PORT+N, or with PORT 0 a port each of their own: never the bound
    # port's neighbours, which are any program's (another server of this stack's among them).
    siblings = port
    port = web_socket.getsockname()[1]
    given_port = os.environ.get("PORT")
    os.environ["PORT"] = str(port)  # for what starts beside it (the background process, the county)
    ensure_port_free("127.0.0.1", emulator_port, "AWS emulator")
    ensure_port_free("127.0.0.1", dynamodb_port, "DynamoDB Local")
    _mention_old_snapshot(data_dir)

    for name in PROFILE_VARIABLES:
        os.environ.pop(name, None)
    region = os.environ.get("AWS_DEFAULT_REGION") or DEFAULT_REGION
    engine = DynamoDBLocal(data_dir / "dynamodb", dynamodb_port or free_port())
    emulator = Emulator(data_dir, emulator_port, region=region)
    shutdown = _Shutdown()
    previous_handlers = _install_signal_handlers(shutdown)
    server = server_thread = stop_background = payments = sockets = back_office = bill_office = None
    moderngov = webcasts = public_access = drs = None
    council_servers, directories = {}, {}
    sign_in = []
    configured_url = os.environ.get("DOORSTEP_PUBLIC_URL")
    stack_file = data_dir / STACK_FILE
    try:
        engine.launch()  # the JVM boots while moto loads
        emulator.start()
        photos = emulator.restore()
        engine = ready_on_a_port_of_its_own(engine, say=lambda line: print(line, flush=True))
        configure_environment(emulator.url, engine.url)
        aws_clients.install(engine.url)
        # Links in answers and messages (and the CLI's, through stack.json):
        # the stack's own address unless one is configured.
        public_url = configured_url or f"http://localhost:{port}"
        os.environ["DOORSTEP_PUBLIC_URL"] = public_url
        payments = start_local_payments(data_dir, siblings, port)
        back_office = start_local_back_office(data_dir, siblings)
        bill_office = start_local_bill_office(siblings)
        moderngov = start_local_moderngov(data_dir, siblings)
        webcasts = start_local_webcasts(siblings)
        public_access = start_local_public_access(data_dir, siblings)
        drs = start_local_scheduler(data_dir, siblings)
        from doorstep_cli.local import council_offices
        council_servers = council_offices.start(  # the other demo councils' own, their payment accounts too
            data_dir, siblings, nightly_window(os.environ.get("DOORSTEP_CIVICA_NIGHTLY")), payments, port)
        prepare()  # the demo councils' settings pointed at their servers (council_offices.point_settings)
        from doorstep_cli.local.sign_in import start_local_sign_in
        sign_in = start_local_sign_in(siblings)  # PORT+N where a council's settings put one on this machine
        from doorstep_cli.local.directory_stack import start_local_directories
        directories = start_local_directories(data_dir, siblings)  # York's Entra ID, PORT+19, pushing SCIM to York
        app = app_loader()
        from doorstep_cli.local.sockets import start_local_sockets
        sockets = start_local_sockets(app, siblings)  # live chat, as API Gateway's WebSocket API
        server = make_server(app, host, port, Path(web_dir), public_url=public_url, sock=web_socket)
        # The background first: it returns once the events stream is read to its end, so the first
        # request (a health check, a resident's report) comes after the start-up's own events. A
        # client that connects meanwhile waits in the listen queue of the port bound above.
        stop_background = background(siblings) if background else None
        server_thread = threading.Thread(target=server.serve_forever, name="doorstep-http", daemon=True)
        server_thread.start()
        api_url = f"http://{client_host(host)}:{server.port}"
        # Serving from here on, before stack.json says so: a Ctrl-C the moment a reader of
        # stack.json sees it stops the stack as a running one (its line said, its exit clean),
        # never as one interrupted in start-up with no line to say it ran.
        shutdown.serving = True
        atomic_write_bytes(stack_file, json.dumps(
            {"api_url": api_url, "public_url": public_url, "emulator_url": emulator.url,
             "dynamodb_url": engine.url, "queue_url": os.environ.get("DOORSTEP_SQS_ENDPOINT"),
             "pay_url": os.environ.get("DOORSTEP_PAY_URL"), "civica_url": os.environ.get("DOORSTEP_CIVICA_URL"),
             "socket_url": os.environ.get("DOORSTEP_SOCKET_URL"),
             "moderngov_url": os.environ.get("DOORSTEP_MODERNGOV_URL"),
             "planning_url": os.environ.get("DOORSTEP_PLANNING_URL"),
             "drs_url": os.environ.get("DOORSTEP_DRS_URL"),
             "back_offices": council_offices.summary(council_servers),
             "sign_in_urls": [provider.origin for provider in sign_in],
             "directories": {council: directory.origin for council, directory in directories.items()},
             **identity()}, indent=2
        ).encode())
        print(
            f"Doorstep is running at {public_url} "
            f"(DynamoDB Local {engine.url}, S3 and mail on {emulator.url}, "
            f"payments {os.environ.get('DOORSTEP_PAY_URL')}, revenues {os.environ.get('DOORSTEP_CIVICA_URL')}, "
            f"meetings {os.environ.get('DOORSTEP_MODERNGOV_URL')}, "
            f"repairs' scheduler {os.environ.get('DOORSTEP_DRS_URL')}, "
            f"{sum(map(len, council_servers.values()))} back offices of {len(council_servers)} other councils, "
            f"data in {data_dir}, "
            f"{photos} photos; ready in {time.monotonic() - started:.1f} s). Press Ctrl-C to stop.",
            flush=True,
        )
        # A timeout keeps the main thread returning to the interpreter, where
        # signal handlers run.
        while not shutdown.requested.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass  # Ctrl-C during start-up
    finally:
        if stop_background is not None:
            stop_background()
        if server_thread is not None and server_thread.is_alive():
            server.shutdown()
            server_thread.join(timeout=10)
        elif server is not None:
            server.server.server_close()  # shutdown() would wait forever for a loop never started
        else:
            web_socket.close()
        if sockets is not None:
            sockets.close()
            for name in ("DOORSTEP_SOCKET_URL", "DOORSTEP_SOCKET_ENDPOINT"):
                os.environ.pop(name, None)
        from doorstep_cli.local.council_offices import close as close_council_servers
        close_council_servers(council_servers)
        for provider in [*sign_in, *directories.values()]:
            provider.close()
        if drs is not None:
            drs.close()
            for name in ("DOORSTEP_DRS_URL", "DOORSTEP_DRS_LOGIN", "DOORSTEP_DRS_PASSWORD"):
                os.environ.pop(name, None)
        if moderngov is not None:
            moderngov.close()
            os.environ.pop("DOORSTEP_MODERNGOV_URL", None)
        if public_access is not None:
            public_access.close()
            os.environ.pop("DOORSTEP_PLANNING_URL", None)
        if webcasts is not None:
            webcasts.close()
            for name in ("DOORSTEP_WEBCAST_URL", "DOORSTEP_WEBCAST_CHAPTERS_URL"):
                if os.environ.get(name, "").startswith(webcasts.url):
                    os.environ.pop(name, None)
        if bill_office is not None:
            bill_office.close()
            for name in ("DOORSTEP_BILL_OFFICE_URL", "DOORSTEP_BILL_OFFICE_SECRET"):
                os.environ.pop(name, None)
        if back_office is not None:
            back_office.close()
            for name in ("DOORSTEP_CIVICA_URL", "DOORSTEP_CIVICA_USER", "DOORSTEP_CIVICA_PASSWORD"):
                os.environ.pop(name, None)
        if payments is not None:
            payments.close()
            for name in ("DOORSTEP_PAY_URL", "DOORSTEP_PAY_API_KEY", "DOORSTEP_PAY_WEBHOOK_SECRET"):
                os.environ.pop(name, None)
        try:
            emulator.stop()
            engine.stop()
        finally:
            aws_clients.uninstall()
            stack_file.unlink(missing_ok=True)
            if configured_url is None:
                os.environ.pop("DOORSTEP_PUBLIC_URL", None)
            if given_port is None:
                os.environ.pop("PORT", None)
            else:
                os.environ["PORT"] = given_port
            _restore_signal_handlers(previous_handlers)
    print(f"Doorstep stopped; data kept in {data_dir}.", flush=True)
    return 0


def _mention_old_snapshot(data_dir: Path) -> None:
    old = data_dir / "emulator"
    if old.is_dir():
        print(f"Note: {old} holds data from the old moto-based stack, which is no longer read; "
              "delete it when you no longer need it.", flush=True)


class _Shutdown:
    """What the signal handler needs to know: was a stop asked for, are we up yet."""

    def __init__(self) -> None:
        self.requested = threading.Event()
        self.serving = False


def _install_signal_handlers(shutdown: _Shutdown) -> dict[int, Any]:
    previous: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return previous  # signals only reach the main thread; the caller stops us otherwise

    def request_stop(signum: int, frame: Any) -> None:
        if shutdown.requested.is_set():
            # Second Ctrl-C while stopping: the user means it. Nothing is
            # lost, since every acknowledged write is on disk already.
            sys.exit(130)
        shutdown.requested.set()
        if not shutdown.serving:
            # Still starting (engine, demo data): interrupt that work rather
            # than make the user wait for it.
            raise KeyboardInterrupt

    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, request_stop)
    return previous


def _restore_signal_handlers(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)
