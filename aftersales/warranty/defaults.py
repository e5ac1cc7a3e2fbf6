"""The default rules shipped with the system: editable records, not legal advice.

Where each number comes from is written in `docs/warranty.md` and in each record's `source`.
`load_defaults()` creates what is missing and never overwrites a record someone has edited.
"""

from django.db import transaction

from aftersales.catalog.models import Category, Part

from .choices import Exclusion, GuaranteeKind, StartEvent
from .models import GuaranteeRule, LegalMinimum, PartCoverage, WarrantyPolicy

LEGAL_EXCLUSIONS = [
    Exclusion.MISUSE,
    Exclusion.ACCIDENT,
    Exclusion.NATURAL_DISASTER,
    Exclusion.POWER_SURGE,
    Exclusion.UNAUTHORIZED_REPAIR,
]

LEGAL_MINIMUMS = [
    {
        "country": "IT",
        "category": None,
        "months": 24,
        "presumption_months": 12,
        "commitment_years": 0,
        "source": (
            "Codice del Consumo (D.Lgs. 206/2005) artt. 128-135 as amended by D.Lgs. 170/2021, "
            "implementing Directive (EU) 2019/771: the seller answers for any lack of conformity "
            "appearing within 24 months of delivery (art. 133); a lack of conformity appearing "
            "within 12 months is presumed to have existed at delivery (art. 135; Directive "
            "art. 11(1)). Repair or replacement is free of charge (art. 135-bis): parts, labour "
            "and travel 100%. Configurable default, not legal advice."
        ),
    },
    {
        "country": "IR",
        "category": None,
        "months": 24,
        "presumption_months": 0,
        "commitment_years": 10,
        "source": (
            "Consumer Rights Protection Law (قانون حمایت از حقوق مصرف‌کنندگان, 1388) art. 2 and "
            "its executive regulations for the sale and after-sales service of household "
            "appliances (art. 21 of the law; Council of Ministers, 1390): household appliances "
            "24 months from sale (televisions from installation), parts, labour and travel free "
            "of charge during the warranty; after it a paid commitment period with spare parts "
            "and service available. 10 years follows the vehicle law's note 2; check the "
            "appliance by-law in force and the Ministry of Industry, Mine and Trade's current "
            "circulars. Configurable default, not legal advice."
        ),
    },
]

_IR_APPLIANCE_SOURCE = (
    "Executive regulations for the sale and after-sales service of household appliances "
    "(art. 21 of the Consumer Rights Protection Law, 1388; Council of Ministers, 1390), for "
    "%(what)s: 24 months' warranty from sale, repairs (parts, labour, travel) free of charge "
    "during it, then a paid commitment period (دوره تعهد) with parts and service available; "
    "the 10 years are the general default's figure, not one set for this category. Check the "
    "by-law in force and the Ministry of Industry, Mine and Trade's circulars for this "
    "category. Configurable default, not legal advice."
)

# Iranian legal minimums per demo category code (created only for categories that exist); each
# can be edited on the legal minimums page.
IR_CATEGORY_MINIMUMS = {
    "ac": {"months": 24, "commitment_years": 10, "what": "air conditioners"},
    "wm": {"months": 24, "commitment_years": 10, "what": "washing machines"},
    "rf": {"months": 24, "commitment_years": 10, "what": "refrigerators"},
}

# Commercial policies per demo category code; a category that does not exist is skipped.
POLICIES = {
    "ac": {
        "name": "Air conditioners: 24 months from installation, 10,000 hours",
        "start_event": StartEvent.INSTALLATION,
        "months": 24,
        "usage_limit": 10000,
        "registration_days": 60,
        "transferable": True,
        "exclusions": LEGAL_EXCLUSIONS + [Exclusion.MISSING_REGISTRATION],
        "compressor_months": 60,
        "guarantees": [
            (GuaranteeKind.REPLACE_DEFECT, {"days": 30}),
            (GuaranteeKind.REPLACE_REPEAT, {"repairs": 3}),
            (GuaranteeKind.EXTEND_REPAIR, {"working_days": 7}),
        ],
    },
    "wm": {
        "name": "Washing machines: 24 months from sale, 3,000 cycles",
        "start_event": StartEvent.SALE,
        "months": 24,
        "usage_limit": 3000,
        "transferable": True,
        "exclusions": LEGAL_EXCLUSIONS + [Exclusion.COMMERCIAL_USE],
        "guarantees": [
            (GuaranteeKind.MONEY_BACK, {"days": 14}),
            (GuaranteeKind.REPLACE_REPEAT, {"repairs": 3}),
        ],
    },
    "dw": {
        "name": "Doors and windows: 12 months from installation",
        "start_event": StartEvent.INSTALLATION,
        "months": 12,
        "transferable": False,
        "exclusions": LEGAL_EXCLUSIONS + [Exclusion.WEAR],
        "guarantees": [(GuaranteeKind.EXTEND_REPAIR, {"working_days": 10})],
    },
}


@transaction.atomic
def load_defaults() -> dict[str, int]:
    created = {"legal": 0, "policies": 0, "overrides": 0, "guarantees": 0}
    for row in LEGAL_MINIMUMS:
        row = dict(row)
        _legal, made = LegalMinimum.objects.get_or_create(
            country=row.pop("country"),
            category=row.pop("category"),
            defaults={**row, "exclusions": [str(e) for e in LEGAL_EXCLUSIONS]},
        )
        created["legal"] += made
    for code, numbers in IR_CATEGORY_MINIMUMS.items():
        category = Category.objects.filter(code=code).first()
        if category is None:
            continue
        _legal, made = LegalMinimum.objects.get_or_create(
            country="IR",
            category=category,
            defaults={
                "months": numbers["months"],
                "presumption_months": 0,
                "commitment_years": numbers["commitment_years"],
                "exclusions": [str(e) for e in LEGAL_EXCLUSIONS],
                "source": _IR_APPLIANCE_SOURCE % {"what": numbers["what"]},
            },
        )
        created["legal"] += made
    for code, spec in POLICIES.items():
        category = Category.objects.filter(code=code).first()
        if category is None:
            continue
        spec = dict(spec)
        guarantees = spec.pop("guarantees", [])
        compressor_months = spec.pop("compressor_months", None)
        spec["exclusions"] = [str(e) for e in spec["exclusions"]]
        policy, made = WarrantyPolicy.objects.get_or_create(
            category=category, valid_from=None, defaults=spec
        )
        created["policies"] += made
        if not made:
            continue
        for kind, numbers in guarantees:
            GuaranteeRule.objects.create(warranty_policy=policy, kind=kind, **numbers)
            created["guarantees"] += 1
        if compressor_months:
            compressors = Part.objects.filter(
                compatible_models__category=category, name__icontains="compressor"
            ).distinct()
            for part in compressors:
                PartCoverage.objects.create(
                    warranty_policy=policy, part=part, months=compressor_months
                )
                created["overrides"] += 1
    return created
