"""The settlement statement as a PDF, in the agent's language (Persian for an Iranian agent: set
in Vazirmatn, right to left, Persian digits, numbers kept whole in `<bdi dir="ltr">`)."""

from django.utils import timezone, translation

from aftersales.core.calendars import country_time_zone
from aftersales.core.documents import render_pdf

from .choices import LineKind
from .periods import agent_language

LANGUAGES = ("fa", "it", "en")


def statement_language(settlement) -> str:
    return agent_language(settlement.agent)


def statement_context(settlement) -> dict:
    lines = list(
        settlement.lines.select_related("claim__unit", "sale", "source").order_by("day", "pk")
    )
    groups = []
    for kind in LineKind:
        chosen = [line for line in lines if line.kind == kind]
        if chosen:
            groups.append(
                {"kind": kind, "lines": chosen, "total": sum(line.amount for line in chosen)}
            )
    return {
        "obj": settlement,
        "agent": settlement.agent,
        "groups": groups,
        "payments": list(settlement.payments.order_by("paid_on", "pk")),
    }


def statement_pdf(settlement, *, language: str) -> bytes:
    """The statement in `language`, its days in the agent's country's time (approved late in
    the evening in Milan is not dated the next day, as Tehran's time would)."""
    with translation.override(language):
        context = statement_context(settlement)
    with timezone.override(country_time_zone(settlement.agent.country)):
        return render_pdf("settlements/statement.html", context, language=language)
