"""Benchmark: opening service requests through the API, `POST /api/v1/service/requests`.

    .venv/bin/python -m bench.service_requests [--units N] [--seconds S] [--clients 4,8,16]
                                               [--no-worker] [--floor [2,15]]

PostgreSQL only (the bar of issue 4): without DATABASE_URL it says so and exits 0. It creates
the database `aftersales_bench_service` on DATABASE_URL's server (never the one named in the
URL), migrates it, loads `--units` units with their customers (`aftersales.demo.generate`), an
operator with a personal API token, then starts `gunicorn aftersales.wsgi -w 4` on a free
loopback port and one task worker (`manage.py db_worker`, which sends the customers'
notifications as in production; `--no-worker` leaves them queued). A separate load process
(no Django, `http.client` with keep-alive, one connection per client thread) warms up, then for
each concurrency level opens repair requests for random owned units for `--seconds` seconds,
each with a fresh `Idempotency-Key`, and prints requests per second, p50 / p95 / p99 / max
latency and errors; then where the CPU went over the measured levels: milliseconds of CPU per
request in the gunicorn workers, all of the PostgreSQL server's processes, the task worker and
the load process itself (read from /proc, Linux; anything else running is not counted).
With `--floor`, the same server and load then drive `bench/_floor_app.py`, a bare WSGI create
without framework or ORM, once per number of statements given (a token check and an INSERT, and
as many round trips as the real create): what this machine gives any Python web server for the
same work, the floor under the real endpoint's figures.
Finally it stops gunicorn and drops the database. Target: >= 300 requests/s with p99 < 100 ms.
"""

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PG_NAME = "aftersales_bench_service"
UNITS = 3000
SEED = 2026
SECONDS = 20
WARM_UP_SECONDS = 3
WARM_UP_LIMIT = 60
CLIENTS = "4,8,16"
WORKERS = 4
HOST = "127.0.0.1"
PATH = "/api/v1/service/requests"
TARGET_RPS = 300
TARGET_P99_MS = 100
START_TIMEOUT = 30
FLOOR_STATEMENTS = "2,15"  # a token check and an INSERT; as many round trips as the real create


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=UNITS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--clients", default=CLIENTS, help="concurrency levels, e.g. 4,8,16")
    parser.add_argument(
        "--no-worker", action="store_true", help="leave the notifications queued (no db_worker)"
    )
    parser.add_argument(
        "--floor",
        nargs="?",
        const=FLOOR_STATEMENTS,
        default="",
        help="then a bare WSGI create under the same server and load, with each of these "
        f"numbers of statements (the machine's floor; {FLOOR_STATEMENTS} if none given)",
    )
    parser.add_argument("--setup", help=argparse.SUPPRESS)  # child: build, write the fixture
    parser.add_argument("--load", help=argparse.SUPPRESS)  # child: drive the server
    args = parser.parse_args(argv)
    if args.setup:
        return setup(args)
    if args.load:
        return load(args)

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        print("service_requests: skipped, it needs PostgreSQL in DATABASE_URL")
        return 0
    levels = [int(level) for level in args.clients.split(",") if level.strip()]
    env = _env(url)
    admin_url = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    _recreate(admin_url)
    server = worker = None
    try:
        with tempfile.TemporaryDirectory(prefix="aftersales-bench-service-") as tmp:
            fixture = Path(tmp) / "fixture.json"
            command = [sys.executable, "-m", "bench.service_requests", "--setup", str(fixture)]
            command += ["--units", str(args.units)]
            subprocess.run(command, env=env, cwd=ROOT, check=True)
            data = json.loads(fixture.read_text())
            data.update(seconds=args.seconds, levels=levels)
            runs = [("aftersales.wsgi", not args.no_worker, 0)]
            for count in args.floor.split(",") if args.floor else ():
                runs.append(("bench._floor_app:app", False, max(int(count), 2)))
            returncode = 0
            for application, with_worker, statements in runs:
                if statements:
                    _floor_table(env["DATABASE_URL"])
                    env["BENCH_FLOOR_STATEMENTS"] = str(statements)
                server, worker = _start(application, with_worker, env)
                data["port"] = server.port
                fixture.write_text(json.dumps(data))
                done = "sent by one db_worker" if with_worker else "queued"
                print(
                    f"gunicorn {application} -w {WORKERS} on {HOST}:{server.port}, "
                    f"{os.cpu_count()} CPUs; {data['units']:,} owned units; {args.seconds:g} s "
                    "per level; "
                    + (
                        f"the floor: a bare WSGI create, {statements} statements"
                        if statements
                        else f"notifications {done}"
                    ),
                    flush=True,
                )
                command = [sys.executable, "-m", "bench.service_requests", "--load", str(fixture)]
                returncode |= subprocess.run(command, cwd=ROOT).returncode
                _stop(worker, server)
                server = worker = None
            return returncode
    finally:
        _stop(worker, server)
        _drop(admin_url)


def _start(application: str, with_worker: bool, env: dict):
    """gunicorn serving `application` on a free loopback port (its `port` attribute), and a task
    worker if asked for."""
    port = _free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            application,
            "-w",
            str(WORKERS),
            "-b",
            f"{HOST}:{port}",
            "--log-level",
            "warning",
            "--timeout",  # a worker imports the application as it boots: slow on a busy machine
            "120",
        ],
        env={**env, "BENCH_FLOOR_DSN": env["DATABASE_URL"]},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,  # the console e-mails of the notifications
    )
    server.port = port
    try:
        _wait_for(port, server)
    except RuntimeError:
        _stop(server)
        raise
    worker = None
    if with_worker:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.5"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,  # a line per task
        )
    return server, worker


def _stop(*processes) -> None:
    for process in processes:
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=START_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _floor_table(url: str) -> None:
    import psycopg

    from bench._floor_app import CREATE_TABLE

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(CREATE_TABLE)


def _env(url: str) -> dict:
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "aftersales.settings"
    env["AFTERSALES_VAR_DIR"] = "/tmp/aftersales-bench-service"
    env["AFTERSALES_DEBUG"] = "0"
    env["AFTERSALES_HOSTS"] = HOST
    env["DATABASE_URL"] = urlunsplit(urlsplit(url)._replace(path=f"/{PG_NAME}"))
    return env


def _recreate(admin_url: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{PG_NAME}"')


def _drop(admin_url: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _wait_for(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _cpu_by_role() -> dict[int, tuple[str, float]]:
    """{pid: (role, CPU seconds so far)} of the processes that take part, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if "gunicorn" in command:
            role = "gunicorn"
        elif command.startswith("postgres") or "/bin/postgres " in command:
            role = "postgres"  # the server and its backends (their exit adds to the server's)
        elif "db_worker" in command:
            role = "task worker"
        elif "bench.service_requests --load" in command:
            role = "load"
        else:
            continue
        # own user and system time, and that of the children it has seen exit (a backend that
        # ends when Django renews its connection still counts)
        found[int(entry.name)] = (role, sum(int(value) for value in fields[11:15]) / tick)
    return found


def _print_cpu_split(before: dict, after: dict, requests: int) -> None:
    """CPU milliseconds per request by role, over the measured levels (not the warm-up)."""
    if not requests or not after:
        return
    spent: dict[str, float] = {}
    for pid, (role, seconds) in after.items():
        spent[role] = spent.get(role, 0.0) + seconds - before.get(pid, (role, 0.0))[1]
    parts = [f"{role} {spent[role] * 1000 / requests:.1f}" for role in sorted(spent)]
    total = sum(spent.values()) * 1000 / requests
    print(f"  CPU ms per request: {', '.join(parts)}; all {total:.1f} (on {os.cpu_count()} CPUs)")


# --- child: the database ------------------------------------------------------------------------
def setup(args) -> int:
    Path("/tmp/aftersales-bench-service").mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from aftersales.core.models import User
    from aftersales.core.services import api_token_create
    from aftersales.demo.generate import generate
    from aftersales.units.models import Unit

    call_command("migrate", verbosity=0, interactive=False)
    started = time.monotonic()
    generate(max(args.units // 2, 1), args.units, SEED)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    operator = User.objects.create(username="bench-operator", role="operator")
    _token, key = api_token_create(user=operator, name="bench")
    targets = []
    units = Unit.objects.filter(owner__isnull=False).order_by("pk")
    for unit_id, owner_id in units.values_list("pk", "owner_id")[: args.units]:
        targets.append([owner_id, unit_id])
    address_of = {}
    from aftersales.customers.models import Address

    owners = {owner for owner, _unit in targets}
    for address_id, customer_id in Address.objects.filter(customer_id__in=owners).values_list(
        "pk", "customer_id"
    ):
        address_of.setdefault(customer_id, address_id)
    targets = [[o, u, address_of[o]] for o, u in targets if o in address_of]
    print(f"  database built in {time.monotonic() - started:.0f} s", flush=True)
    Path(args.setup).write_text(
        json.dumps({"token": key, "targets": targets, "units": len(targets)})
    )
    return 0


# --- child: the load ----------------------------------------------------------------------------
def load(args) -> int:
    import http.client

    data = json.loads(Path(args.load).read_text())
    port, token, targets = data["port"], data["token"], data["targets"]
    if not targets:
        print("no owned unit with an address to open requests for")
        return 1
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def run(clients: int, seconds: float) -> tuple[list[float], int, list[str], float]:
        latencies: list[list[float]] = [[] for _ in range(clients)]
        errors: list[str] = []
        lock = threading.Lock()
        start = time.monotonic()
        deadline = start + seconds

        def client(index: int) -> None:
            rng = random.Random(SEED + index)
            conn = http.client.HTTPConnection(HOST, port, timeout=30)
            mine = latencies[index]
            while time.monotonic() < deadline:
                customer_id, unit_id, address_id = rng.choice(targets)
                body = json.dumps(
                    {
                        "customer_id": customer_id,
                        "service_type": "repair",
                        "unit_id": unit_id,
                        "address_id": address_id,
                        "description": "Bench: does not cool",
                        "contact_phone": "+989121234567",
                    }
                )
                sent = time.perf_counter()
                try:
                    conn.request(
                        "POST", PATH, body, {**headers, "Idempotency-Key": uuid.uuid4().hex}
                    )
                    response = conn.getresponse()
                    content = response.read()
                    status = response.status
                except (OSError, http.client.HTTPException) as exc:
                    conn.close()
                    conn = http.client.HTTPConnection(HOST, port, timeout=30)
                    status, content = None, str(exc).encode()
                mine.append((time.perf_counter() - sent) * 1000)
                if status != 201:
                    with lock:
                        errors.append(f"{status}: {content[:200]!r}")
            conn.close()

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - start
        merged = [value for values in latencies for value in values]
        return merged, len(merged), errors, elapsed

    # warm-up (connections, caches, prepared plans) until every worker answers: on a busy machine
    # the workers' first requests take seconds
    clients, deadline = max(data["levels"]), time.monotonic() + WARM_UP_LIMIT
    while True:
        _times, count, errors, _elapsed = run(clients, WARM_UP_SECONDS)
        if (count >= 10 * clients and not errors) or time.monotonic() > deadline:
            break
    before, sent = _cpu_by_role(), 0
    verdicts = []
    for clients in data["levels"]:
        times, count, errors, elapsed = run(clients, data["seconds"])
        sent += count
        rate = count / elapsed
        cuts = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
        p50, p95, p99 = cuts[49], cuts[94], cuts[98]
        print(
            f"  {clients:>3} clients: {count:6,} requests {rate:7.1f}/s   p50 {p50:6.1f} ms"
            f"   p95 {p95:6.1f} ms   p99 {p99:6.1f} ms   max {max(times):6.1f} ms"
            f"   errors {len(errors)}",
            flush=True,
        )
        for error in errors[:3]:
            print(f"       e.g. {error}")
        met = rate >= TARGET_RPS and p99 < TARGET_P99_MS and not errors
        verdicts.append(f"{clients}: {'met' if met else 'MISSED'}")
    _print_cpu_split(before, _cpu_by_role(), sent)
    print(f"  target >= {TARGET_RPS}/s with p99 < {TARGET_P99_MS} ms: {', '.join(verdicts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
