"""Settlement periods: a calendar month by default, in the agent's own calendar (a Jalali month
for an Iranian agent, a Gregorian one elsewhere); and the language an agent's statement is in."""

import datetime as dt

import jdatetime

from aftersales.core.choices import Country

LANGUAGE_OF_COUNTRY = {Country.IRAN: "fa", Country.ITALY: "it"}
CURRENCY_OF_COUNTRY = {Country.IRAN: "IRR", Country.ITALY: "EUR"}


def agent_language(agent) -> str:
    """The language of the agent's documents: Persian in Iran, Italian in Italy, else English."""
    return LANGUAGE_OF_COUNTRY.get(agent.country, "en")


def agent_currency(agent) -> str:
    return CURRENCY_OF_COUNTRY.get(agent.country, "EUR")


def uses_jalali(agent) -> bool:
    return agent.country == Country.IRAN


def month_of(day: dt.date, *, jalali: bool) -> tuple[dt.date, dt.date]:
    """The first and last day of the month holding `day`."""
    if jalali:
        j = jdatetime.date.fromgregorian(date=day)
        first = jdatetime.date(j.year, j.month, 1)
        following = (
            jdatetime.date(j.year + 1, 1, 1)
            if j.month == 12
            else jdatetime.date(j.year, j.month + 1, 1)
        )
        return first.togregorian(), following.togregorian() - dt.timedelta(days=1)
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def default_period(agent, *, after: dt.date | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the agent's next settlement: the month after the last settled period, or
    the last full month before `today` when the agent has never been settled."""
    jalali = uses_jalali(agent)
    if after is not None:
        start = after + dt.timedelta(days=1)
        return start, month_of(start, jalali=jalali)[1]
    this_month_start, _end = month_of(today, jalali=jalali)
    return month_of(this_month_start - dt.timedelta(days=1), jalali=jalali)
