"""What the benchmarks share: the environment of the child process that does the measuring."""

import os
from urllib.parse import urlsplit, urlunsplit


def child_env(*, database: str, var_dir: str, pg_name: str) -> dict:
    """Settings for a child on `database` ("sqlite" or "postgresql"): its own folder for SQLite,
    its own database `pg_name` next to the one in DATABASE_URL (never that one), no debug, tasks
    run in-process. BENCH_ADMIN_URL points at the server's `postgres` database, to create/drop."""
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "aftersales.settings"
    env["AFTERSALES_VAR_DIR"] = str(var_dir)
    env["AFTERSALES_TASKS"] = "immediate"
    env["AFTERSALES_DEBUG"] = "0"
    url = env.pop("DATABASE_URL", None)
    if database == "postgresql" and url:
        env["DATABASE_URL"] = urlunsplit(urlsplit(url)._replace(path=f"/{pg_name}"))
        env["BENCH_ADMIN_URL"] = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    return env
