"""The floor of `service_requests --floor`: what this machine gives any Python web server that
creates a row per POST, with none of the application's work.

A bare WSGI application (no framework, no ORM): it reads the JSON body, finds the bearer token's
user by the token's SHA-256 digest in `core_apitoken`, reads the customer, address and unit rows
by primary key in turn until it has run `BENCH_FLOOR_STATEMENTS` statements in all (2 = none of
them) and inserts one row into `bench_floor_request`, in one transaction over one psycopg
connection per worker process with prepared statements, and answers 201 with the row as JSON.
Run with as many statements as the real create, it is what hand-written SQL without a framework
would cost for the same round trips (reads that cost the server less than the real create's
writes, so still a floor). It runs under the same gunicorn
(`-w 4`) and the same load as the real endpoint, so the difference between the two is the cost
of what the application does on a create: validation, scope, idempotency, the warranty decision,
priority and SLA targets, the duplicate check, numbering, history, audit and the notification.
"""

import hashlib
import json
import os

import psycopg

TABLE = "bench_floor_request"
STATEMENTS = int(os.environ.get("BENCH_FLOOR_STATEMENTS", "2"))
READS = (  # (statement, the payload's key), taken in turn
    ("SELECT id, display_name FROM customers_customer WHERE id = %s", "customer_id"),
    ("SELECT id, customer_id, region FROM customers_address WHERE id = %s", "address_id"),
    ("SELECT id, owner_id, serial FROM units_unit WHERE id = %s", "unit_id"),
)
CREATE_TABLE = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (id bigserial PRIMARY KEY, user_id bigint NOT NULL, "
    "customer_id bigint NOT NULL, unit_id bigint, description text NOT NULL, "
    "opened_at timestamptz NOT NULL DEFAULT now())"
)
_connection = None


def _connect() -> psycopg.Connection:
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(os.environ["BENCH_FLOOR_DSN"], prepare_threshold=2)
    return _connection


def app(environ, start_response):
    connection = _connect()
    length = int(environ.get("CONTENT_LENGTH") or 0)
    payload = json.loads(environ["wsgi.input"].read(length))
    key = environ.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ")
    digest = hashlib.sha256(key.encode()).hexdigest()
    with connection.transaction():
        user = connection.execute(
            "SELECT user_id FROM core_apitoken WHERE digest = %s AND revoked_at IS NULL",
            (digest,),
        ).fetchone()
        if user is None:
            start_response("401 Unauthorized", [("Content-Length", "0")])
            return [b""]
        for index in range(STATEMENTS - 2):
            statement, key = READS[index % len(READS)]
            connection.execute(statement, (payload[key],)).fetchone()
        row = connection.execute(
            f"INSERT INTO {TABLE} (user_id, customer_id, unit_id, description) "
            "VALUES (%s, %s, %s, %s) RETURNING id, opened_at",
            (user[0], payload["customer_id"], payload.get("unit_id"), payload["description"]),
        ).fetchone()
    body = json.dumps({"id": row[0], "opened_at": row[1].isoformat(), **payload}).encode()
    start_response(
        "201 Created", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]
