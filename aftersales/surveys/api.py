"""The surveys API: invitations with their scores, follow-ups (list, close), scores for a period
(per agent or technician), and the public answer by one-time token. Through `restrict()`."""

import datetime as dt

import ninja
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from aftersales.customers.schemas import ERRORS, ErrorOut

from . import selectors, services
from .models import FollowUp, Invitation, Response
from .schemas import AnswerIn, FollowUpCloseIn, FollowUpOut, InvitationOut, ResponseOut, ScoresOut

router = Router(tags=["surveys"])
MAX_PAGE = 200


def _invitations(request):
    return Invitation.objects.restrict(request.user, "view").select_related("template", "response")


@router.get("/invitations", response=list[InvitationOut], summary="List survey invitations")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def invitation_list(
    request,
    answered: bool | None = None,
    agent_id: int | None = None,
    technician_id: int | None = None,
):
    queryset = _invitations(request).order_by("-sent_at", "-pk")
    if answered is not None:
        queryset = queryset.filter(response__isnull=not answered)
    if agent_id:
        queryset = queryset.filter(agent_id=agent_id)
    if technician_id:
        queryset = queryset.filter(technician_id=technician_id)
    return queryset


@router.get("/invitations/{invitation_id}", response={200: InvitationOut, ERRORS: ErrorOut})
def invitation_get(request, invitation_id: int):
    return get_object_or_404(_invitations(request), pk=invitation_id)


@router.get("/scores", response={200: ScoresOut, ERRORS: ErrorOut}, summary="Scores of a period")
def scores(
    request,
    start: dt.date,
    end: dt.date,
    agent_id: int | None = None,
    technician_id: int | None = None,
):
    invitations = Invitation.objects.restrict(request.user, "view")
    if agent_id:
        invitations = invitations.filter(agent_id=agent_id)
    if technician_id:
        invitations = invitations.filter(technician_id=technician_id)
    return selectors.scores(start=start, end=end, invitations=invitations)


@router.get("/follow-ups", response=list[FollowUpOut], summary="Service-recovery follow-ups")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def follow_up_list(request, status: str = "", mine: bool = False):
    queryset = FollowUp.objects.restrict(request.user, "view").order_by("due_at", "pk")
    if status:
        queryset = queryset.filter(status=status)
    if mine:
        queryset = queryset.filter(assignee=request.user)
    return queryset


@router.post("/follow-ups/{follow_up_id}/close", response={200: FollowUpOut, ERRORS: ErrorOut})
def follow_up_close(request, follow_up_id: int, payload: FollowUpCloseIn):
    follow_up = get_object_or_404(
        FollowUp.objects.restrict(request.user, "change"), pk=follow_up_id
    )
    return services.follow_up_close(
        follow_up=follow_up, by=request.user, status=payload.status, outcome=payload.outcome
    )


@router.post(
    "/answer/{token}",
    response={201: ResponseOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    auth=None,
    summary='Public: answer a survey by its one-time token, e.g. {"answers": {"q1": "5"}}',
)
def answer(request, token: str, payload: AnswerIn):
    invitation = Invitation.objects.filter(token=token).first()
    if invitation is None:
        raise Http404
    if Response.objects.filter(invitation=invitation).exists():
        raise HttpError(409, _("This survey has already been answered. Thank you!"))
    return ninja.Status(
        201, services.response_submit(invitation=invitation, answers=payload.answers)
    )
