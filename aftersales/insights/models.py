"""Pre-aggregated figures for the manager's dashboard.

`DailyFact` holds, for each local day, the additive counts and sums behind every KPI, once per
*grain*: the whole company, and per agent, technician, category, product model and service type
(the dimension of the grain is set, the others are empty). The dashboard sums these rows; the
definitions live in `aftersales.insights.kpis` and `docs/insights.md`.

`PendingDay` lists days whose facts must be rebuilt (a record anchored on that day changed);
`BusinessClock` is the business-hours clock of each calendar in half-hour slots, so that SQL can
count business hours between two moments. Written only by `aftersales.insights.aggregation`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import Currency, Role

READERS = frozenset({Role.MANAGER, Role.QUALITY, Role.FINANCE})
RATE_KEEPERS = frozenset({Role.MANAGER, Role.FINANCE})


class Grain(models.IntegerChoices):
    TOTAL = 0, _("Whole company")
    AGENT = 1, _("Agent")
    TECHNICIAN = 2, _("Technician")
    CATEGORY = 3, _("Category")
    PRODUCT_MODEL = 4, _("Model")
    SERVICE_TYPE = 5, _("Service type")


MEASURES = (
    "requests",
    "ftf_measured",
    "ftf_yes",
    "responded",
    "response_seconds",
    "resolved",
    "resolution_seconds",
    "sla_measured",
    "sla_met",
    "visits_done",
    "visits_repeat",
    "labour_minutes",
    "claims",
    "units_sold",
    "complaints",
    "csat_responses",
    "csat_satisfied",
    "nps_responses",
    "nps_promoters",
    "nps_detractors",
    "demand_lines",
    "demand_served",
)
# sums of money, one column per currency (amounts of different currencies are never added
# here; the reads convert each month's sums at that month's rate, see `insights.money`):
# `claims_cost`, the approved amounts of claims; `sales_value`, the sale prices of the units sold
MONEY_MEASURES = ("claims_cost", "sales_value")
# {measure: {currency: column}}: every currency of `Currency` has a column per money measure
MONEY_COLUMNS = {
    measure: {currency: f"{measure}_{currency.lower()}" for currency in Currency.values}
    for measure in MONEY_MEASURES
}
MONEY_FIELDS = tuple(column for columns in MONEY_COLUMNS.values() for column in columns.values())
# the layout of the facts' columns: a refresh after a change of it rebuilds every day
FACTS_LAYOUT = 2


# facts are derived data: no foreign-key constraints or single-column indexes to maintain on
# bulk rebuilds (the composite indexes below answer every read)
DIMENSION = {"null": True, "blank": True, "db_constraint": False, "db_index": False}


class Fact(models.Model):
    """The additive figures behind the KPIs, at one grain (see the module's docstring)."""

    grain = models.PositiveSmallIntegerField(_("grain"), choices=Grain)
    agent = models.ForeignKey(
        "agents.Agent", on_delete=models.DO_NOTHING, related_name="+", **DIMENSION
    )
    technician = models.ForeignKey(
        "workforce.Technician", on_delete=models.DO_NOTHING, related_name="+", **DIMENSION
    )
    category = models.ForeignKey(
        "catalog.Category", on_delete=models.DO_NOTHING, related_name="+", **DIMENSION
    )
    product_model = models.ForeignKey(
        "catalog.ProductModel", on_delete=models.DO_NOTHING, related_name="+", **DIMENSION
    )
    service_type = models.ForeignKey(
        "service.ServiceType", on_delete=models.DO_NOTHING, related_name="+", **DIMENSION
    )
    requests = models.BigIntegerField(default=0)
    ftf_measured = models.BigIntegerField(default=0)
    ftf_yes = models.BigIntegerField(default=0)
    responded = models.BigIntegerField(default=0)
    response_seconds = models.BigIntegerField(default=0)
    resolved = models.BigIntegerField(default=0)
    resolution_seconds = models.BigIntegerField(default=0)
    sla_measured = models.BigIntegerField(default=0)
    sla_met = models.BigIntegerField(default=0)
    visits_done = models.BigIntegerField(default=0)
    visits_repeat = models.BigIntegerField(default=0)
    labour_minutes = models.BigIntegerField(default=0)
    claims = models.BigIntegerField(default=0)
    claims_cost_irr = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    claims_cost_eur = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    units_sold = models.BigIntegerField(default=0)
    sales_value_irr = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    sales_value_eur = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    complaints = models.BigIntegerField(default=0)
    csat_responses = models.BigIntegerField(default=0)
    csat_satisfied = models.BigIntegerField(default=0)
    nps_responses = models.BigIntegerField(default=0)
    nps_promoters = models.BigIntegerField(default=0)
    nps_detractors = models.BigIntegerField(default=0)
    demand_lines = models.BigIntegerField(default=0)
    demand_served = models.BigIntegerField(default=0)

    objects = RestrictedManager()
    policy = Policy(view=READERS)

    class Meta:
        abstract = True


class DailyFact(Fact):
    """The figures of one local day."""

    day = models.DateField(_("day"))

    class Meta:
        verbose_name = _("daily fact")
        verbose_name_plural = _("daily facts")
        indexes = [
            models.Index(fields=["grain", "day"], name="insights_fact_grain_day"),
        ]


class MonthlyFact(Fact):
    """The figures of one month (its first day), summed from the daily facts: what the
    dashboard reads for whole months."""

    month = models.DateField(_("month"))

    class Meta:
        verbose_name = _("monthly fact")
        verbose_name_plural = _("monthly facts")
        indexes = [
            models.Index(fields=["grain", "month"], name="insights_month_grain"),
        ]


class PendingDay(models.Model):
    """A day whose facts are stale: rebuilt by the next refresh."""

    day = models.DateField(_("day"), unique=True)

    objects = RestrictedManager()
    policy = Policy(view=READERS)

    class Meta:
        verbose_name = _("day to refresh")
        verbose_name_plural = _("days to refresh")


class BusinessClock(models.Model):
    """Business seconds of a calendar counted from its first slot up to the start of `slot`
    (a half hour since the Unix epoch), and whether the slot is working time."""

    calendar = models.CharField(max_length=2)
    slot = models.BigIntegerField()
    seconds_before = models.BigIntegerField()
    is_open = models.BooleanField()

    objects = RestrictedManager()
    policy = Policy(view=READERS)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["calendar", "slot"], name="insights_clock_slot")
        ]


class RefreshLog(models.Model):
    """One refresh of the facts: what it rebuilt and how long it took."""

    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    days = models.PositiveIntegerField(_("days rebuilt"), default=0)
    full = models.BooleanField(_("full rebuild"), default=False)
    watermark = models.DateTimeField(_("changes seen up to"))
    # the layout of the facts it wrote (`FACTS_LAYOUT`): after an upgrade that changes it, the
    # next refresh rebuilds every day (0: written before money was kept per currency)
    layout = models.PositiveSmallIntegerField(_("layout of the figures"), default=0)

    objects = RestrictedManager()
    policy = Policy(view=READERS)

    class Meta:
        verbose_name = _("refresh")
        verbose_name_plural = _("refreshes")
        ordering = ["-started_at", "-pk"]


class ExchangeRate(models.Model):
    """What one unit of `currency` is worth in the reporting currency
    (`settings.AFTERSALES_REPORTING_CURRENCY`) from `valid_from` on, until the next rate of the
    same currency (see `aftersales.insights.rates`)."""

    currency = models.CharField(_("currency"), max_length=3, choices=Currency)
    valid_from = models.DateField(_("valid from"))
    # one rial is worth about 0.000001 euro: 18 decimals keep 12 significant digits of it
    rate = models.DecimalField(_("rate"), max_digits=30, decimal_places=18)
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = RestrictedManager()
    policy = Policy(view=READERS, add=RATE_KEEPERS, change=RATE_KEEPERS)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["currency", "valid_from"],
                name="insights_rate_currency_day",
                violation_error_message=_("This currency already has a rate from that day."),
            ),
            models.CheckConstraint(
                condition=models.Q(rate__gt=0),
                name="insights_rate_positive",
                violation_error_message=_("Enter a rate above zero."),
            ),
        ]

    def __str__(self):
        return f"{self.currency} {self.valid_from.isoformat()}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("insights:rate_edit", args=[self.pk])


track(RefreshLog, ExchangeRate)
