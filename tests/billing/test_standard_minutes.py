"""`tariffs.standard_minutes`: the standard time of a job, for dispatch's durations."""

import datetime as dt

from aftersales.billing.models import FixedPrice
from aftersales.billing.tariffs import standard_minutes
from aftersales.warranty.models import StandardTime
from tests.factories import FailureCodeFactory, ProductModelFactory

DAY = dt.date(2026, 3, 1)


def test_it_sums_the_standard_times_of_the_failure_codes(service_data):
    from aftersales.service.models import ServiceType

    repair = ServiceType.objects.get(code="repair")
    model = ProductModelFactory()
    leak, valve, unknown = FailureCodeFactory.create_batch(3)
    StandardTime.objects.create(failure_code=leak, minutes=50)
    StandardTime.objects.create(failure_code=valve, minutes=25)

    assert (
        standard_minutes(
            service_type=repair,
            product_model=model,
            on=DAY,
            failure_codes=[leak, valve.pk, unknown],
        )
        == 75
    )


def test_without_codes_it_takes_the_fixed_price_duration_in_force(service_data):
    from aftersales.service.models import ServiceType

    installation = ServiceType.objects.get(code="installation")
    model = ProductModelFactory()
    FixedPrice.objects.create(
        country="IR",
        service_type=installation,
        product_model=model,
        amount=9,
        minutes=90,
        valid_from=dt.date(2025, 1, 1),
    )
    FixedPrice.objects.create(
        country="IR",
        service_type=installation,
        product_model=model,
        amount=9,
        minutes=120,
        valid_from=dt.date(2026, 6, 1),
    )

    assert standard_minutes(service_type=installation, product_model=model, on=DAY) == 90
    assert (
        standard_minutes(service_type=installation, product_model=model, on=dt.date(2026, 7, 1))
        == 120
    )


def test_it_is_none_when_no_tariff_says(service_data):
    from aftersales.service.models import ServiceType

    repair = ServiceType.objects.get(code="repair")
    code = FailureCodeFactory()
    assert (
        standard_minutes(
            service_type=repair, product_model=ProductModelFactory(), on=DAY, failure_codes=[code]
        )
        is None
    )
    assert standard_minutes(service_type=None, product_model=None, on=DAY) is None
