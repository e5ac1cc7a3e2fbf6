"""The workshop API: workshops (list), jobs (idempotent receive, list, get) and each move of a
job. Every query goes through `restrict()`; out of scope is a 404."""

import ninja
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from aftersales.core.idempotency import idempotent
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.service.models import ServiceRequest
from aftersales.workforce.models import Technician

from . import services
from .models import Workshop, WorkshopJob
from .schemas import BenchIn, CancelIn, JobIn, JobOut, NoteIn, ReadyIn, ReturnIn, WorkshopOut

router = Router(tags=["workshop"])
MAX_PAGE = 200


def _jobs(request, action="view"):
    return WorkshopJob.objects.restrict(request.user, action).prefetch_related("bench_visits")


@router.get("/workshops", response=list[WorkshopOut], summary="List workshops")
def workshop_list(request):
    return Workshop.objects.restrict(request.user, "view").order_by("name")


@router.post(
    "/jobs", response={201: JobOut, ERRORS: ErrorOut}, summary="Receive a unit in a workshop"
)
@idempotent
def job_create(request, payload: JobIn):
    if not WorkshopJob.policy.allows(request.user, "add"):
        raise PermissionDenied
    service_request = get_object_or_404(
        ServiceRequest.objects.restrict(request.user, "change"), pk=payload.request_id
    )
    workshop = get_object_or_404(
        Workshop.objects.restrict(request.user, "view"), pk=payload.workshop_id
    )
    job = services.job_receive(
        request=service_request,
        workshop=workshop,
        by=request.user,
        arrival=payload.arrival,
        condition=payload.condition,
        accessories=payload.accessories,
        reference=payload.reference,
    )
    return ninja.Status(201, job)


@router.get("/jobs", response=list[JobOut], summary="List workshop jobs")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def job_list(
    request, status: str = "", workshop_id: int | None = None, request_id: int | None = None
):
    queryset = _jobs(request).order_by("-pk")
    if status:
        queryset = queryset.filter(status=status)
    if workshop_id:
        queryset = queryset.filter(workshop_id=workshop_id)
    if request_id:
        queryset = queryset.filter(request_id=request_id)
    return queryset


@router.get("/jobs/{job_id}", response={200: JobOut, ERRORS: ErrorOut})
def job_get(request, job_id: int):
    return get_object_or_404(_jobs(request), pk=job_id)


def _changeable(request, job_id: int) -> WorkshopJob:
    return get_object_or_404(_jobs(request, "change"), pk=job_id)


def _fresh(job: WorkshopJob) -> WorkshopJob:
    return WorkshopJob.objects.prefetch_related("bench_visits").get(pk=job.pk)


@router.post(
    "/jobs/{job_id}/bench",
    response={200: JobOut, ERRORS: ErrorOut},
    summary="Put the unit on the bench (plans and checks in a visit at the workshop)",
)
def job_bench(request, job_id: int, payload: BenchIn):
    job = _changeable(request, job_id)
    technician = get_object_or_404(
        Technician.objects.restrict(request.user, "view"), pk=payload.technician_id
    )
    services.job_start_bench(job=job, technician=technician, by=request.user, note=payload.note)
    return _fresh(job)


@router.post("/jobs/{job_id}/wait-for-parts", response={200: JobOut, ERRORS: ErrorOut})
def job_wait(request, job_id: int, payload: NoteIn):
    job = services.job_wait_for_parts(
        job=_changeable(request, job_id), by=request.user, note=payload.note
    )
    return _fresh(job)


@router.post("/jobs/{job_id}/ready", response={200: JobOut, ERRORS: ErrorOut})
def job_ready(request, job_id: int, payload: ReadyIn):
    job = services.job_ready(job=_changeable(request, job_id), by=request.user, **payload.dict())
    return _fresh(job)


@router.post("/jobs/{job_id}/return", response={200: JobOut, ERRORS: ErrorOut})
def job_return(request, job_id: int, payload: ReturnIn):
    job = services.job_return(
        job=_changeable(request, job_id),
        by=request.user,
        returned_to=payload.returned_to,
        data_url=payload.signature,
        note=payload.note,
    )
    return _fresh(job)


@router.post("/jobs/{job_id}/cancel", response={200: JobOut, ERRORS: ErrorOut})
def job_cancel(request, job_id: int, payload: CancelIn):
    job = services.job_cancel(
        job=_changeable(request, job_id), by=request.user, reason=payload.reason
    )
    return _fresh(job)
