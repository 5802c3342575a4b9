"""Soak test: 200 concurrent clients for 60 s against gunicorn on PostgreSQL.

    python -m scripts.soak      (make soak; not in CI: it takes over a minute)

Fills the PostgreSQL database SOAK_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/pgmd_soak, created when missing) with fixtures/ and a
generated corpus of SOAK_GROUPS profiles (default 300), starts gunicorn (gunicorn.conf.py,
debug off) on 127.0.0.1:SOAK_PORT (default 8090), and runs SOAK_CLIENTS clients (200) for
SOAK_SECONDS (60), each asking for one page after another: the home page, lists, searches,
profiles, the timeline, sources and /healthz. Prints requests/s and the latency
percentiles; fails on any error (a 5xx, a refused or dropped connection, no answer within
SOAK_TIMEOUT seconds, default 30).
"""

import asyncio
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from scripts.serving import PYTHON, ROOT, manage, start_gunicorn, stop

# A reader gives up after this long: an answer later than that is an error too.
ANSWER_TIMEOUT = float(os.environ.get("SOAK_TIMEOUT", "30"))


def prepare_database(database_url, env, groups):
    """The database exists, is migrated and holds the fixtures and a generated corpus."""
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "--noinput", "--verbosity", "0", env=env)
    with tempfile.TemporaryDirectory(prefix="soak-corpus-") as corpus:
        subprocess.run(
            [PYTHON, "-m", "bench.make_corpus", str(groups), corpus],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        # Unchanged files are skipped on a second run: preparing again is quick.
        subprocess.run(
            [PYTHON, "manage.py", "import_profiles", "fixtures/", corpus],
            cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)


def addresses(env):
    """The pages the clients ask for, profiles most (as readers do)."""
    import psycopg

    with psycopg.connect(env["DATABASE_URL"]) as connection:
        rows = connection.execute("SELECT slug FROM profiles_group ORDER BY id LIMIT 500")
        slugs = [slug for (slug,) in rows]
    pages = ["/", "/groups/", "/groups/?page=2", "/groups/?q=militia", "/groups/?sort=-formation",
             "/timeline/", "/countries/", "/sources/", "/about/", "/healthz"]  # fmt: skip
    return pages + [f"/groups/{slug}/" for slug in slugs]


async def fetch(host, port, path):
    """(status, seconds) of one GET, over its own connection (gunicorn's sync workers
    close each connection after the answer)."""
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection(host, port)
    try:
        request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        writer.write(request.encode())
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # the rest of the answer, to the close
    finally:
        writer.close()
    status = int(status_line.split()[1])
    return status, time.perf_counter() - started


async def client(host, port, pages, stop_at, results, rng):
    while time.monotonic() < stop_at:
        path = rng.choice(pages)
        try:
            status, seconds = await asyncio.wait_for(fetch(host, port, path), ANSWER_TIMEOUT)
        except (OSError, TimeoutError, IndexError, ValueError) as error:
            results["errors"].append(f"{path}: {type(error).__name__} {error}")
            continue
        results["statuses"][status] += 1
        results["latencies"].append(seconds)
        if status >= 500:
            results["errors"].append(f"{path}: HTTP {status}")


async def soak(host, port, pages, clients, seconds):
    results = {"statuses": Counter(), "latencies": [], "errors": []}
    stop_at = time.monotonic() + seconds
    await asyncio.gather(
        *(client(host, port, pages, stop_at, results, random.Random(n)) for n in range(clients))
    )
    return results


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def main():
    database_url = os.environ.get(
        "SOAK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pgmd_soak"
    )
    port = int(os.environ.get("SOAK_PORT", "8090"))
    clients = int(os.environ.get("SOAK_CLIENTS", "200"))
    seconds = float(os.environ.get("SOAK_SECONDS", "60"))
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }
    prepare_database(database_url, env, int(os.environ.get("SOAK_GROUPS", "300")))
    pages = addresses(env)
    log_path = Path(tempfile.gettempdir()) / "soak-gunicorn.log"
    server = start_gunicorn(f"127.0.0.1:{port}", env, log_path=log_path)
    try:
        started = time.monotonic()
        results = asyncio.run(soak("127.0.0.1", port, pages, clients, seconds))
        elapsed = time.monotonic() - started
    finally:
        stop(server)

    latencies = sorted(results["latencies"])
    answered = len(latencies)
    statuses = ", ".join(f"{status}: {n}" for status, n in sorted(results["statuses"].items()))
    print(f"soak: {clients} clients for {seconds:.0f} s, {answered} answers "
          f"({answered / elapsed:.0f}/s); {statuses}")  # fmt: skip
    if latencies:
        figures = "  ".join(
            f"{name} {percentile(latencies, fraction) * 1000:.0f} ms"
            for name, fraction in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("max", 1.0))
        )
        print(f"soak: latency {figures}")
    kinds = Counter(error.split(": ", 1)[1].split()[0] for error in results["errors"])
    by_kind = ", ".join(f"{kind} {n}" for kind, n in kinds.most_common())
    print(f"soak: {len(results['errors'])} errors {by_kind} (gunicorn's log: {log_path})")
    for error in results["errors"][:10]:
        print(f"  {error}")
    if results["errors"] or not answered:
        sys.exit("soak: failed")


if __name__ == "__main__":
    main()
