"""Demo quality data: warranty claims on the best-selling model of each of the two largest
categories (one production month was built with a bad component lot, so the early-warning scan
flags it and opens an investigation, planned), a preventive action, customers' needs noted by
staff, the written process of the main service types with targets, and a review."""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from aftersales.catalog.models import FailureCode, ProductModel
from aftersales.core.models import User
from aftersales.core.numbering import next_number
from aftersales.service.models import ServiceType
from aftersales.units.models import Unit
from aftersales.warranty.models import Claim

from . import selectors, services
from .choices import CapaSource, NeedAudience, NeedKind
from .models import CorrectiveAction

MONTHLY_HAZARD = 0.012  # 1.2 % of the units fail per month under warranty
BAD_MONTH_HAZARD = 0.15  # a month built with a bad component lot
SEED = 9

PROCESSES = {
    "repair": (
        "Restore the unit to its specified function at the first visit where possible; "
        "parts from the van or reserved before the visit.",
        "A customer's call, the portal, or an agent's report of a failure.",
        [
            "Check the power supply and the installation",
            "Read the error code and record the failure codes",
            "Replace or repair the faulty part",
            "Test a full cycle with the customer",
            "Photograph the nameplate",
        ],
        ["Repair report QF-12", "Service manual of the model"],
        {"first_time_fix_rate": "0.80", "repeat_visit_rate": "0.08", "sla_compliance": "0.90"},
    ),
    "installation": (
        "Install to the maker's instructions; the unit works and the customer knows how to "
        "use it before the technician leaves.",
        "A sale registered with installation requested, or a customer's request.",
        [
            "Check the site (power, drainage, clearance)",
            "Mount and connect",
            "Leak test and vacuum (air conditioners)",
            "Start up and measure",
            "Show the customer how to use and clean it",
        ],
        ["Installation check-list QF-07", "Installation manual"],
        {"sla_compliance": "0.95", "csat": "0.90"},
    ),
}

# the demo procedures' steps in Persian and Italian, in the same order
TRANSLATED_STEPS = {
    "repair": (
        [
            "بررسی برق ورودی و نصب",
            "خواندن کد خطا و ثبت کدهای خرابی",
            "تعویض یا تعمیر قطعه معیوب",
            "آزمایش یک چرخه کامل با حضور مشتری",
            "عکس گرفتن از پلاک مشخصات",
        ],
        [
            "Verificare l'alimentazione e l'installazione",
            "Leggere il codice di errore e registrare i codici di guasto",
            "Sostituire o riparare il pezzo guasto",
            "Provare un ciclo completo con il cliente",
            "Fotografare la targhetta",
        ],
    ),
    "installation": (
        [
            "بررسی محل (برق، تخلیه آب، فاصله‌ها)",
            "نصب و اتصال",
            "تست نشتی و وکیوم (کولرهای گازی)",
            "راه‌اندازی و اندازه‌گیری",
            "آموزش استفاده و تمیز کردن به مشتری",
        ],
        [
            "Verificare il luogo (alimentazione, scarico, spazi)",
            "Montare e collegare",
            "Prova di tenuta e vuoto (condizionatori)",
            "Avviare e misurare",
            "Mostrare al cliente come usarlo e pulirlo",
        ],
    ),
}

NEEDS = [
    ("A quieter night mode for bedroom units", NeedKind.NEED, NeedAudience.RND),
    (
        "Owners ask for a Wi-Fi module to switch on before arriving home",
        NeedKind.IDEA,
        NeedAudience.RND,
    ),
    (
        "Filters are hard to reach on wall units mounted high",
        NeedKind.EXPECTATION,
        NeedAudience.RND,
    ),
    ("A competitor offers 5 years on the compressor", NeedKind.COMPETITION, NeedAudience.MARKET),
    ("Customers want the manual in Persian inside the box", NeedKind.NEED, NeedAudience.MARKET),
]


def _top_models() -> list[ProductModel]:
    rows = (
        Unit.objects.filter(sale_date__isnull=False)
        .values("product_model", "product_model__category")
        .annotate(n=Count("id"))
        .order_by("-n", "product_model")
    )
    chosen, categories = [], set()
    for row in rows:
        if row["product_model__category"] in categories:
            continue
        categories.add(row["product_model__category"])
        chosen.append(row["product_model"])
        if len(chosen) == 2:
            break
    return list(ProductModel.objects.filter(pk__in=chosen).order_by("code"))


def _month(unit) -> str:
    return unit.production_date.strftime("%Y-%m") if unit.production_date else ""


def _claims(model: ProductModel, rng: random.Random, until: dt.date) -> tuple[int, str]:
    units = list(
        Unit.objects.filter(product_model=model, sale_date__isnull=False, sale_date__lt=until)
        .select_related("service_agent")
        .order_by("pk")
    )
    # the production month with the most units a year in service is a bad month (all batches)
    old = [u for u in units if u.production_date and (until - u.sale_date).days > 365]
    sizes: dict[str, int] = {}
    for unit in old:
        sizes[_month(unit)] = sizes.get(_month(unit), 0) + 1
    bad = min(sizes, key=lambda month: (-sizes[month], month)) if sizes else ""
    codes = list(
        FailureCode.objects.filter(categories=model.category, level="defect").order_by("code")
    ) or list(FailureCode.objects.filter(level="defect").order_by("code")[:4])
    # claims are seen under warranty; without a warranty rule, at any age
    horizon = selectors.warranty_months(model)
    made = 0
    for unit in units:
        hazard = BAD_MONTH_HAZARD if _month(unit) == bad else MONTHLY_HAZARD
        age = rng.expovariate(hazard)  # months in service to the failure
        if horizon is not None and age >= horizon:
            continue
        day = unit.sale_date + dt.timedelta(days=int(age * 30.4375))
        if day > until:
            continue
        amount = Decimal(rng.randrange(8, 40) * 1_000_000)
        claim = Claim.objects.create(
            number=next_number(f"WC-{day.year}", width=7),
            unit=unit,
            agent=unit.service_agent,
            failure_date=day,
            repair_started=day,
            repair_finished=day + dt.timedelta(days=rng.randrange(0, 5)),
            claimed_total=amount,
            approved_total=amount,
            status="approved",
        )
        if codes:
            # a Pareto: the first code is the most frequent by far
            weights = [2 ** (len(codes) - i) for i in range(len(codes))]
            claim.failure_codes.add(rng.choices(codes, weights=weights)[0])
        made += 1
    return made, bad


@transaction.atomic
def load_demo() -> str:
    if CorrectiveAction.objects.exists():
        return "Quality: already loaded."
    rng = random.Random(SEED)
    quality = User.objects.filter(username="quality").first()
    manager = User.objects.filter(username="manager").first()
    today = timezone.localdate()
    claims = 0
    models = _top_models()
    for model in models:
        made, _bad = _claims(model, rng, today)
        claims += made
    warnings = services.warning_scan(by=None, models=models, on=today)
    for warning in warnings[:1]:
        capa = warning.actions.first()
        services.capa_update(
            capa=capa,
            by=None,
            root_cause_category="material",
            root_cause="A lot of start capacitors below their rated capacitance.",
            production_action="Incoming inspection of capacitors; the supplier's lot blocked.",
            rnd_action="Derate the capacitor in the next revision.",
            owner=quality or manager,
            due_date=today + dt.timedelta(days=30),
        )
    services.capa_open(
        by=None,
        title="Preventive: installation leaks on high walls",
        source=CapaSource.OTHER,
        kind="preventive",
        problem="Technicians report refrigerant leaks where outdoor units hang high.",
        owner=quality or manager,
        due_date=today + dt.timedelta(days=60),
    )
    noter = User.objects.filter(username__in=["technician", "agent", "operator"]).order_by("pk")
    noters = list(noter) or [None]
    for i, (summary, kind, audience) in enumerate(NEEDS):
        need = services.need_note(
            by=None,
            summary=summary,
            kind=kind,
            audience=audience,
            product_model=models[0] if models and i < 3 else None,
        )
        need.noted_by = noters[i % len(noters)]
        need.save(update_fields=["noted_by"])
    versions = 0
    for code, (requirements, detection, steps, documents, targets) in PROCESSES.items():
        service_type = ServiceType.objects.filter(code=code).first()
        if service_type is None:
            continue
        services.process_version_create(
            service_type=service_type,
            by=quality,
            requirements=requirements,
            detection=detection,
            procedure=service_type.checklist or steps,
            documents=documents,
            targets=targets,
            change_note="First written version",
        )
        services.process_version_create(
            service_type=service_type,
            by=quality,
            requirements=requirements,
            detection=detection,
            procedure=steps,
            procedure_fa=TRANSLATED_STEPS[code][0],
            procedure_it=TRANSLATED_STEPS[code][1],
            documents=documents,
            targets=targets,
            change_note="Procedure aligned with the quality manual",
        )
        versions += 2
    repair = ServiceType.objects.filter(code="repair").first()
    if repair is not None:
        first = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        end = first - dt.timedelta(days=1)
        services.review_create(
            service_type=repair,
            by=quality,
            period_start=dt.date(end.year, 3 * ((end.month - 1) // 3) + 1, 1),
            period_end=end,
            findings="Second visits mostly wait for compressors and boards.",
            decisions="Vans carry the two most used boards; compressors reserved at triage.",
        )
    return (
        f"Quality: {claims} warranty claims on {len(models)} models, {len(warnings)} early "
        f"warnings with investigations, {len(NEEDS)} customers' needs, {versions} process "
        "versions and a review."
    )
