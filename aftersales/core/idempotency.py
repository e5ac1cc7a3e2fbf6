"""Idempotent creates: a client that retries a POST with the same `Idempotency-Key` gets the first
answer again instead of a second record.

    @router.post("/", response={201: CustomerOut})
    @idempotent
    def create(request, payload: CustomerIn): ...

Without the header the endpoint runs as usual. With it:
- the first successful (2xx) answer is stored, status and JSON body, in `IdempotencyRecord`
  (unique per user and key) with a fingerprint of the request (sha256 of method, path and body);
- a retry with the same key and the same request replays the stored answer, with the same status
  and an `Idempotent-Replayed: true` header, and creates nothing;
- the same key with a different request answers 422;
- an error answer is not stored: its transaction is rolled back, so the key stays free and the
  client may correct the request and send it again with the same key.

Races: the key is reserved by inserting its record at the start of the request's transaction and
filled in at the end. A concurrent request with the same key waits on the unique constraint
(PostgreSQL) or on the write lock (SQLite, `BEGIN IMMEDIATE`) until the first one commits, then
replays its answer; if the first one rolled back, the second one runs.
"""

import hashlib
import json
from collections.abc import Callable
from functools import wraps

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Header
from ninja.decorators import decorate_view
from ninja.utils import contribute_operation_args

from .models import IdempotencyRecord

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = IdempotencyRecord._meta.get_field("key").max_length
PENDING = 0  # status of a reserved record whose answer is not known yet (never committed)
_ARGUMENT = "idempotency_key"
_STATE = "_idempotency_record"


def fingerprint(request: HttpRequest) -> str:
    digest = hashlib.sha256()
    digest.update(request.method.encode() + b"\n" + request.path.encode() + b"\n")
    digest.update(request.body)
    return digest.hexdigest()


def idempotent(func: Callable) -> Callable:
    """Make a ninja create endpoint honour the `Idempotency-Key` header (see the module)."""

    @wraps(func)
    def view(request, **kwargs):
        key = kwargs.pop(_ARGUMENT, None)
        if not key:
            return func(request, **kwargs)
        record, replay = reserve(request, key)
        if replay is not None:
            return replay
        setattr(request, _STATE, record)
        return func(request, **kwargs)

    # `wraps` shares the wrapped function's lists; give the view its own before adding to them.
    for name in ("_ninja_contribute_args", "_ninja_contribute_to_operation"):
        if hasattr(func, name):
            setattr(view, name, list(getattr(func, name)))
    contribute_operation_args(
        view,
        _ARGUMENT,
        str | None,
        Header(
            None,
            alias=HEADER,
            min_length=1,
            max_length=MAX_KEY_LENGTH,
            description=(
                "A unique value (e.g. a UUID) that makes retrying this request safe: a retry "
                "with the same key and body returns the first answer and creates nothing; the "
                "same key with a different body answers 422."
            ),
        ),
    )
    return decorate_view(_in_transaction)(view)


def _in_transaction(run: Callable) -> Callable:
    """Around the whole operation (auth, parsing, view, rendering): one transaction, whose
    reserved record is filled with the rendered answer, or rolled back on an error answer."""

    @wraps(run)
    def operation(request, *args, **kwargs):
        if not request.headers.get(HEADER):
            return run(request, *args, **kwargs)
        with transaction.atomic():
            response = run(request, *args, **kwargs)
            record = getattr(request, _STATE, None)
            if record is not None:
                if 200 <= response.status_code < 300:
                    record.status = response.status_code
                    record.body = json.loads(response.content or b"null")
                    record.save(update_fields=["status", "body"])
                else:
                    transaction.set_rollback(True)
        return response

    return operation


def reserve(
    request, key: str, fp: str | None = None
) -> tuple[IdempotencyRecord | None, HttpResponse | None]:
    """The new record holding the key for this request, or the answer to give instead. `fp`:
    the request's fingerprint when its raw body is not stable across retries (a multipart form,
    whose boundary changes; see service.offline.form_fingerprint).

    One statement, `INSERT … ON CONFLICT DO NOTHING RETURNING id` (PostgreSQL, SQLite >= 3.35):
    no savepoint round trips, and a concurrent holder of the key is waited for by the database.
    """
    fp = fp or fingerprint(request)
    user_id = request.user.pk
    record = IdempotencyRecord(
        user_id=user_id, key=key, fingerprint=fp, status=PENDING, body={}, created_at=timezone.now()
    )
    meta = IdempotencyRecord._meta
    fields = [meta.get_field(name) for name in ("user", "key", "fingerprint", "status", "body")]
    fields.append(meta.get_field("created_at"))
    qn = connection.ops.quote_name
    columns = ", ".join(qn(field.column) for field in fields)
    values = [
        field.get_db_prep_save(getattr(record, field.attname), connection) for field in fields
    ]
    sql = (
        f"INSERT INTO {qn(meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT ({qn('user_id')}, {qn('key')}) DO NOTHING RETURNING {qn(meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        row = cursor.fetchone()
    if row is not None:
        record.pk = row[0]
        record._state.adding = False
        return record, None
    stored = IdempotencyRecord.objects.get(user_id=user_id, key=key)
    return None, _answer(request, stored, fp)


def _answer(request, stored: IdempotencyRecord, fp: str) -> HttpResponse:
    if stored.fingerprint != fp:
        message = _("This Idempotency-Key was already used for a different request.")
        return JsonResponse({"detail": message, "errors": {HEADER: [message]}}, status=422)
    if stored.status == PENDING:  # never seen committed; a guard all the same
        message = _("A request with this Idempotency-Key is still being processed.")
        return JsonResponse({"detail": message, "errors": {HEADER: [message]}}, status=409)
    response = JsonResponse(stored.body, status=stored.status, safe=False)
    response["Idempotent-Replayed"] = "true"
    return response
