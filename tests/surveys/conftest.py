import pytest

from aftersales.surveys import services
from aftersales.surveys.models import SurveyTemplate


@pytest.fixture
def after_visit(db):
    """The after-visit survey the data migration ships (CSAT, NPS, CES, conditional text)."""
    return SurveyTemplate.objects.get(code="after-visit")


def questions(template):
    return {q.kind + str(i): q for i, q in enumerate(template.questions.order_by("position"))}


def answers(template, *, csat=None, nps=None, ces=None, better="", extra=""):
    qs = list(template.questions.order_by("position"))
    values = [csat, nps, ces, better, extra]
    return {q.field_name: ("" if v is None else str(v)) for q, v in zip(qs, values, strict=False)}


def invite(template, **kwargs):
    return services.invite(template=template, **kwargs)
