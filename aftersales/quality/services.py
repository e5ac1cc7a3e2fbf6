"""Writes of quality and reliability: early-warning scans, corrective and preventive actions and
their verification, customers' needs and ideas, process versions and PDCA reviews.

Every function is atomic and keyword-only and raises `ValidationError` for the caller to show.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from aftersales.catalog.models import Category, FailureCode, Part, ProductModel
from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.core.numbering import next_number
from aftersales.service.choices import DefectStatus
from aftersales.service.models import DefectReport, ServiceType

from . import kpis, rates, selectors
from .choices import (
    OPEN_CAPA,
    CapaKind,
    CapaSource,
    CapaStatus,
    NeedStatus,
    Verdict,
    WarningStatus,
)
from .models import (
    CorrectiveAction,
    CustomerNeed,
    EarlyWarning,
    ProcessReview,
    ProcessVersion,
)

# the verification waits until the claims expected after the action (at the old rate) reach this
MIN_EXPECTED_AFTER = 5
VERIFY_ALPHA = 0.05


def _may(user: User | None, model, action: str) -> None:
    if user is not None and not model.policy.allows(user, action):
        raise PermissionDenied(_("You may not make this change."))


# ---------------------------------------------------------------- early warning


def _readers_language(by: User | None) -> str:
    """The language an investigation is written in: the person's who runs the scan, or, for
    the nightly run, the one most of the active quality engineers read."""
    if by is not None:
        return translation.get_language() or settings.LANGUAGE_CODE
    engineers = (
        User.objects.filter(is_active=True, role=Role.QUALITY)
        .exclude(language="")
        .values("language")
        .annotate(n=Count("pk"))
        .order_by("-n", "language")
    )
    most = engineers.first()
    return most["language"] if most else settings.LANGUAGE_CODE


@transaction.atomic
def warning_scan(
    *,
    by: User | None,
    on: dt.date | None = None,
    window: int = 12,
    alpha: float = 0.01,
    models=None,
) -> list[EarlyWarning]:
    """Test every production batch and month against the rest of its model; raise a warning
    for each group newly flagged, and open an investigation (a CAPA) for it."""
    _may(by, EarlyWarning, "add")
    on = on or timezone.localdate()
    language = _readers_language(by)
    raised = []
    for signal in selectors.detect(by, models=models, window=window, alpha=alpha, on=on):
        if not signal.flagged:
            break  # flagged ones come first
        exists = EarlyWarning.objects.filter(
            product_model=signal.product_model, group_kind=signal.kind, group=signal.group
        ).exclude(status=WarningStatus.DISMISSED)
        if exists.exists():
            continue
        c = signal.comparison
        warning = EarlyWarning.objects.create(
            product_model=signal.product_model,
            group_kind=signal.kind,
            group=signal.group,
            window_months=window,
            claims=c.x,
            unit_months=Decimal(str(round(c.e, 1))),
            expected=Decimal(str(round(c.expected, 2))),
            rate_ratio=Decimal(str(round(c.ratio or 0, 2))),
            p_value=c.p_value,
            adjusted_p=signal.adjusted_p,
            status=WarningStatus.INVESTIGATING,
            detected_at=timezone.now(),
        )
        with translation.override(language):
            capa_open(
                by=by,
                title=_("Claim rate of %(group)s of %(model)s")
                % {"group": signal.group, "model": signal.product_model.code},
                source=CapaSource.EARLY_WARNING,
                warning=warning,
                product_model=signal.product_model,
                problem=_(
                    "%(claims)s claims in the first %(window)s months of service where "
                    "%(expected)s were expected at the rate of the rest of the model "
                    "(%(ratio)s times; adjusted p = %(p)s)."
                )
                % {
                    "claims": c.x,
                    "window": window,
                    "expected": f"{c.expected:.1f}",
                    "ratio": f"{(c.ratio or 0):.2f}",
                    "p": f"{signal.adjusted_p:.2g}",
                },
            )
        raised.append(warning)
    return raised


@transaction.atomic
def warning_dismiss(*, warning: EarlyWarning, by: User | None, note: str) -> EarlyWarning:
    """A false alarm (e.g. a batch sold to one harsh site): closed with the reason."""
    _may(by, EarlyWarning, "change")
    if not (note or "").strip():
        raise ValidationError({"note": _("Say why the warning is dismissed.")})
    warning = EarlyWarning.objects.select_for_update().get(pk=warning.pk)
    warning.status = WarningStatus.DISMISSED
    warning.note = note.strip()
    warning.save(update_fields=["status", "note"])
    for capa in warning.actions.filter(status=CapaStatus.INVESTIGATING):
        capa.status = CapaStatus.CANCELLED
        capa.closed_at = timezone.now()
        capa.save(update_fields=["status", "closed_at"])
    return warning


# ---------------------------------------------------------------- corrective actions


def _complaint(code: str, user: User | None):
    """The complaint with this public tracking code, if the user may see it."""
    from aftersales.complaints.models import Complaint

    complaints = (
        Complaint.objects.all() if user is None else Complaint.objects.restrict(user, "view")
    )
    return complaints.filter(code__iexact=code.strip()).first()


@transaction.atomic
def capa_open(
    *,
    by: User | None,
    title: str,
    source: str,
    problem: str,
    kind: str = CapaKind.CORRECTIVE,
    defect_report: DefectReport | None = None,
    warning: EarlyWarning | None = None,
    complaint_code: str = "",
    product_model: ProductModel | None = None,
    failure_code: FailureCode | None = None,
    part: Part | None = None,
    owner: User | None = None,
    due_date: dt.date | None = None,
) -> CorrectiveAction:
    """Open a corrective or preventive action from a finding."""
    _may(by, CorrectiveAction, "add")
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Give the action a title.")
    if not (problem or "").strip():
        errors["problem"] = _("Describe the problem.")
    if source == CapaSource.DEFECT_REPORT and defect_report is None:
        errors["defect_report"] = _("Choose the defect report.")
    if source == CapaSource.EARLY_WARNING and warning is None:
        errors["warning"] = _("Choose the early warning.")
    complaint_code = (complaint_code or "").strip()
    complaint = _complaint(complaint_code, by) if complaint_code else None
    if complaint_code and complaint is None:
        errors["complaint_code"] = _("There is no complaint with this code.")
    elif source == CapaSource.COMPLAINT and complaint is None:
        errors["complaint_code"] = _("Give the complaint's code.")
    if due_date is not None and due_date < timezone.localdate():
        errors["due_date"] = _("The due date cannot be in the past.")
    if errors:
        raise ValidationError(errors)
    if defect_report is not None:
        product_model = product_model or defect_report.unit.product_model
        failure_code = failure_code or defect_report.failure_codes.order_by("pk").first()
    if complaint is not None:
        product_model = product_model or complaint.product_model
    capa = CorrectiveAction(
        title=title.strip(),
        kind=kind,
        source=source,
        defect_report=defect_report,
        warning=warning,
        complaint=complaint,
        product_model=product_model,
        failure_code=failure_code,
        part=part,
        problem=problem.strip(),
        owner=owner,
        due_date=due_date,
        created_by=by,
    )
    capa.full_clean(exclude=["number"])
    capa.number = next_number(f"CAPA-{timezone.now().year}")
    capa.save()
    if defect_report is not None and defect_report.status == DefectStatus.OPEN:
        defect_report.status = DefectStatus.ACKNOWLEDGED
        defect_report.save(update_fields=["status"])
    return capa


PLAN_FIELDS = (
    "title",
    "kind",
    "root_cause_category",
    "root_cause",
    "production_action",
    "rnd_action",
    "owner",
    "due_date",
    "effective_date",
    "window_months",
    "product_model",
    "failure_code",
    "part",
)


@transaction.atomic
def capa_update(*, capa: CorrectiveAction, by: User | None, **data) -> CorrectiveAction:
    """Record the root cause, the actions for production and R&D, owner, dates; the status
    follows: actions planned once there is a root cause and an action with an owner and a
    due date, implemented once the change has an effective date."""
    _may(by, CorrectiveAction, "change")
    capa = CorrectiveAction.objects.select_for_update().get(pk=capa.pk)
    if capa.status not in OPEN_CAPA:
        raise ValidationError(_("This action is closed; open a new one."))
    for name in PLAN_FIELDS:
        if name in data:
            value = data[name]
            setattr(capa, name, value.strip() if isinstance(value, str) else value)
    errors = {}
    acts = capa.production_action or capa.rnd_action
    if capa.effective_date and not (capa.root_cause and acts):
        errors["effective_date"] = _(
            "Record the root cause and the action before the date it takes effect."
        )
    if capa.effective_date and capa.effective_date > timezone.localdate():
        errors["effective_date"] = _("The change cannot take effect in the future.")
    if acts and (capa.owner is None or capa.due_date is None):
        errors["owner" if capa.owner is None else "due_date"] = _(
            "An action needs an owner and a due date."
        )
    if errors:
        raise ValidationError(errors)
    if capa.effective_date:
        capa.status = CapaStatus.IMPLEMENTED
    elif capa.root_cause and acts:
        capa.status = CapaStatus.PLANNED
    else:
        capa.status = CapaStatus.INVESTIGATING
    capa.full_clean()
    capa.save()
    return capa


@transaction.atomic
def capa_verify(
    *, capa: CorrectiveAction, by: User | None, on: dt.date | None = None
) -> CorrectiveAction:
    """Did the claim rate fall? Units made before the effective date against units made on or
    after it (claims in their first `window_months` per unit-month in service), tested with the
    one-sided exact conditional test. Too little service after the change: no verdict yet."""
    _may(by, CorrectiveAction, "change")
    capa = CorrectiveAction.objects.select_for_update().get(pk=capa.pk)
    if capa.status not in (CapaStatus.IMPLEMENTED, CapaStatus.NOT_EFFECTIVE, CapaStatus.EFFECTIVE):
        raise ValidationError(_("Record the date the change took effect first."))
    if capa.product_model is None:
        raise ValidationError({"product_model": _("Choose the model the action is for.")})
    on = on or timezone.localdate()
    before, after = selectors.rates_before_after(
        by,
        product_model=capa.product_model,
        effective=capa.effective_date,
        failure_code=capa.failure_code,
        part=capa.part,
        window=capa.window_months,
        on=on,
    )
    comparison = rates.compare(
        after.claims, after.unit_months, before.claims, before.unit_months, alternative="less"
    )
    capa.claims_before, capa.claims_after = before.claims, after.claims
    capa.rate_before = _per_thousand(before.claims, before.unit_months)
    capa.rate_after = _per_thousand(after.claims, after.unit_months)
    capa.p_value = comparison.p_value
    capa.verified_at = timezone.now()
    if comparison.expected < MIN_EXPECTED_AFTER or not before.unit_months:
        capa.verdict = Verdict.TOO_EARLY
        capa.status = CapaStatus.IMPLEMENTED
    elif comparison.p_value < VERIFY_ALPHA:
        capa.verdict = Verdict.EFFECTIVE
        capa.status = CapaStatus.EFFECTIVE
        capa.closed_at = timezone.now()
    else:
        capa.verdict = Verdict.NOT_EFFECTIVE
        capa.status = CapaStatus.NOT_EFFECTIVE
    capa.save()
    return capa


@transaction.atomic
def capa_check(
    *, capa: CorrectiveAction, by: User | None, effective: bool, evidence: str
) -> CorrectiveAction:
    """The verification of an action on no product (a process, a procedure, people), which no
    claim rate can measure: a person checks whether the problem came back and writes what they
    checked. Effective closes the action; not effective leaves it open, to plan again."""
    _may(by, CorrectiveAction, "change")
    capa = CorrectiveAction.objects.select_for_update().get(pk=capa.pk)
    if capa.status not in (CapaStatus.IMPLEMENTED, CapaStatus.NOT_EFFECTIVE):
        raise ValidationError(_("Record the date the change took effect first."))
    if capa.product_model is not None:
        raise ValidationError(_("An action on a model is verified by its claim rate."))
    if not (evidence or "").strip():
        raise ValidationError({"evidence": _("Write what was checked.")})
    capa.evidence = evidence.strip()
    capa.verified_at = timezone.now()
    if effective:
        capa.verdict, capa.status = Verdict.CHECKED_EFFECTIVE, CapaStatus.EFFECTIVE
        capa.closed_at = capa.verified_at
    else:
        capa.verdict, capa.status = Verdict.CHECKED_NOT_EFFECTIVE, CapaStatus.NOT_EFFECTIVE
    capa.save()
    return capa


def _per_thousand(claims: int, unit_months: float) -> Decimal | None:
    if not unit_months:
        return None
    return Decimal(str(round(1000 * claims / unit_months, 4)))


@transaction.atomic
def capa_cancel(*, capa: CorrectiveAction, by: User | None) -> CorrectiveAction:
    _may(by, CorrectiveAction, "change")
    capa = CorrectiveAction.objects.select_for_update().get(pk=capa.pk)
    if capa.status not in OPEN_CAPA:
        raise ValidationError(_("This action is closed already."))
    capa.status = CapaStatus.CANCELLED
    capa.closed_at = timezone.now()
    capa.save(update_fields=["status", "closed_at"])
    return capa


# ---------------------------------------------------------------- customers' needs (R8.2)


@transaction.atomic
def need_note(
    *,
    by: User | None,
    summary: str,
    kind: str,
    audience: str,
    details: str = "",
    product_model: ProductModel | None = None,
    category: Category | None = None,
    customer=None,
) -> CustomerNeed:
    """Note what a customer needs, expects or suggests, for R&D and market research."""
    _may(by, CustomerNeed, "add")
    if not (summary or "").strip():
        raise ValidationError({"summary": _("Say in a line what the customer needs.")})
    if product_model is not None and category is None:
        category = product_model.category
    need = CustomerNeed(
        summary=summary.strip(),
        kind=kind,
        audience=audience,
        details=(details or "").strip(),
        product_model=product_model,
        category=category,
        customer=customer,
        agent=getattr(by, "agent", None) if by is not None else None,
        noted_by=by,
    )
    need.full_clean()
    need.save()
    return need


@transaction.atomic
def need_review(
    *, need: CustomerNeed, by: User | None, status: str, response: str = ""
) -> CustomerNeed:
    """R&D or market research answers: forwarded, accepted for the portfolio, or declined."""
    _may(by, CustomerNeed, "change")
    if status not in NeedStatus.values:
        raise ValidationError({"status": _("Unknown state.")})
    if status == NeedStatus.DECLINED and not (response or "").strip():
        raise ValidationError({"response": _("Say why it is declined.")})
    need = CustomerNeed.objects.select_for_update().get(pk=need.pk)
    need.status = status
    need.response = (response or "").strip()
    need.save(update_fields=["status", "response"])
    return need


# ---------------------------------------------------------------- process control (R9)


def _lines(value) -> list[str]:
    if isinstance(value, str):
        value = value.splitlines()
    return [line.strip() for line in value or [] if line and line.strip()]


def _step_lines(value) -> list[str]:
    """Lines that stand each for a step: an empty one keeps its place; trailing ones are dropped."""
    lines = [
        (line or "").strip() for line in (value.splitlines() if isinstance(value, str) else value)
    ]
    while lines and not lines[-1]:
        lines.pop()
    return lines


@transaction.atomic
def process_version_create(
    *,
    service_type: ServiceType,
    by: User | None,
    requirements: str,
    change_note: str,
    detection: str = "",
    procedure=(),
    procedure_fa=None,
    procedure_it=None,
    documents=(),
    targets: dict | None = None,
) -> ProcessVersion:
    """Publish a new version of a service type's process; the old ones stay readable. Its
    procedure becomes the check-list technicians tick on visits of the type. `procedure_fa` and
    `procedure_it`, when given, are its steps in Persian and Italian, line by line in the same
    order (an empty line: that step has none, and shows as written)."""
    _may(by, ProcessVersion, "add")
    errors = {}
    steps = _lines(procedure)
    translations = {}
    for language, given in (("fa", procedure_fa), ("it", procedure_it)):
        if given is None:
            continue
        lines = _step_lines(given)
        if len(lines) > len(steps):
            errors[f"procedure_{language}"] = _(
                "Give at most one line per step of the procedure, in the same order."
            )
        translations[language] = dict(zip(steps, lines, strict=False))
    if not (requirements or "").strip():
        errors["requirements"] = _("Write the service's requirements.")
    if not (change_note or "").strip():
        errors["change_note"] = _("Say what changed in this version.")
    clean_targets = {}
    for key, value in (targets or {}).items():
        if value in (None, ""):
            continue
        if key not in kpis.KPIS:
            errors["targets"] = _("Unknown KPI: %(key)s.") % {"key": key}
            continue
        try:
            number = Decimal(str(value))
        except ArithmeticError:
            errors["targets"] = _("A target must be a number.")
            continue
        if error := kpis.target_error(key, number):
            errors["targets"] = _("Target for %(kpi)s: %(problem)s") % {
                "kpi": kpis.kpi_label(key),
                "problem": error,
            }
            continue
        clean_targets[key] = str(number)
    if errors:
        raise ValidationError(errors)
    service_type = ServiceType.objects.select_for_update().get(pk=service_type.pk)
    last = ProcessVersion.objects.filter(service_type=service_type).order_by("-version").first()
    version = ProcessVersion.objects.create(
        service_type=service_type,
        version=(last.version + 1) if last else 1,
        requirements=requirements.strip(),
        detection=(detection or "").strip(),
        procedure=steps,
        documents=_lines(documents),
        targets=clean_targets,
        change_note=change_note.strip(),
        created_by=by,
    )
    service_type.checklist = steps
    for language, translated in translations.items():
        known = dict(getattr(service_type, f"checklist_{language}") or {})
        for step, text in translated.items():  # older steps keep theirs, for older visits
            if text:
                known[step] = text
            else:
                known.pop(step, None)
        setattr(service_type, f"checklist_{language}", known)
    service_type.save(update_fields=["checklist", "checklist_fa", "checklist_it"])
    return version


@transaction.atomic
def review_create(
    *,
    service_type: ServiceType,
    by: User | None,
    period_start: dt.date,
    period_end: dt.date,
    findings: str = "",
    decisions: str = "",
) -> ProcessReview:
    """Record a periodic review: the KPIs of the period against the targets of the process
    version in force at its end (a snapshot: later data does not change a signed review)."""
    _may(by, ProcessReview, "add")
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period cannot end before it starts.")})
    if period_end > timezone.localdate():
        raise ValidationError({"period_end": _("A review covers a period that has ended.")})
    version = kpis.version_on(service_type, period_end)
    rows = kpis.review_rows(
        service_type=service_type, start=period_start, end=period_end, version=version
    )
    review = ProcessReview(
        service_type=service_type,
        process_version=version,
        period_start=period_start,
        period_end=period_end,
        kpis=[row.as_json() for row in rows],
        findings=(findings or "").strip(),
        decisions=(decisions or "").strip(),
        created_by=by,
    )
    review.number = next_number(f"PR-{period_end.year}")
    review.save()
    return review
