"""Process control (R9): every change of a service type's process is a new version, old ones
stay readable; a periodic review keeps the KPIs against the targets of the version in force."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from aftersales.quality import kpis, services
from aftersales.quality.models import ProcessReview, ProcessVersion
from aftersales.service.models import ServiceType

pytestmark = pytest.mark.django_db


@pytest.fixture
def repair(service_data):
    return ServiceType.objects.get(code="repair")


def test_each_change_is_a_new_version_and_the_checklist_follows(login, quality, repair):
    client = login(quality)
    response = client.post(
        f"/quality/processes/{repair.pk}/new/",
        {
            "requirements": "Fix within two visits.",
            "procedure": "Check power\nCheck refrigerant\n",
            "documents": "Repair report form QF-12",
            "change_note": "First written version",
            "target_first_time_fix_rate": "0.85",
        },
    )
    assert response.status_code == 302
    response = client.post(
        f"/quality/processes/{repair.pk}/new/",
        {
            "requirements": "Fix within one visit.",
            "procedure": "Check power\nCheck refrigerant\nPhoto of the nameplate",
            "change_note": "Nameplate photo added",
            "target_first_time_fix_rate": "0.9",
        },
    )
    assert response.status_code == 302
    versions = list(ProcessVersion.objects.filter(service_type=repair).order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].requirements == "Fix within two visits."  # untouched
    assert versions[1].targets == {"first_time_fix_rate": "0.9"}
    repair.refresh_from_db()
    assert repair.checklist == ["Check power", "Check refrigerant", "Photo of the nameplate"]
    old = client.get(f"/quality/processes/{repair.pk}/v1/").content.decode()
    assert "Fix within two visits." in old and "no longer in force" in old
    assert client.get(f"/quality/processes/{repair.pk}/v9/").status_code == 404


def test_bad_input_publishes_nothing(login, quality, repair):
    response = login(quality).post(
        f"/quality/processes/{repair.pk}/new/",
        {"requirements": "x", "change_note": "y", "target_sla_compliance": "95"},
    )
    assert response.status_code == 400
    assert "A rate is between 0 and 1." in response.content.decode()
    with pytest.raises(ValidationError):
        services.process_version_create(
            service_type=repair, by=quality, requirements="", change_note=""
        )
    assert not ProcessVersion.objects.exists()


def test_a_review_keeps_kpis_against_targets(login, quality, repair):
    services.process_version_create(
        service_type=repair,
        by=quality,
        requirements="r",
        change_note="v1",
        targets={"first_time_fix_rate": Decimal("0.8")},
    )
    client = login(quality)
    preview = client.get(
        f"/quality/processes/{repair.pk}/review/",
        {"period_start": "2026-01-01", "period_end": "2026-03-31"},
    )
    assert preview.status_code == 200 and 'id="kpis"' in preview.content.decode()
    response = client.post(
        f"/quality/processes/{repair.pk}/review/",
        {
            "period_start": "2026-01-01",
            "period_end": "2026-03-31",
            "findings": "Too many second visits for missing parts.",
            "decisions": "Stock compressors in vans.",
        },
    )
    assert response.status_code == 302
    review = ProcessReview.objects.get()
    assert review.number.startswith("PR-2026-")
    rows = {row["key"]: row for row in review.kpis}
    assert set(rows) == set(kpis.KPIS)
    assert rows["first_time_fix_rate"]["target"] == "0.8"
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Stock compressors in vans." in page
    pdf = client.get(f"/quality/reviews/{review.pk}/review.pdf")
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"


def test_a_review_period_must_be_over(quality, repair):
    with pytest.raises(ValidationError) as error:
        services.review_create(
            service_type=repair,
            by=quality,
            period_start=dt.date.today(),
            period_end=dt.date.today() + dt.timedelta(days=30),
        )
    assert "period_end" in error.value.message_dict


def test_met_compares_in_the_right_direction():
    assert kpis.met("first_time_fix_rate", Decimal("0.9"), Decimal("0.8")) is True
    assert kpis.met("mean_response_hours", Decimal("9"), Decimal("8")) is False
    assert kpis.met("csat", None, Decimal("4")) is None


def test_a_new_procedure_carries_its_persian_and_italian_steps(login, quality, repair):
    client = login(quality)
    url = f"/quality/processes/{repair.pk}/new/"
    form = {
        "requirements": "Fix it at the first visit",
        "procedure": "Check power\nCheck refrigerant\nPhoto of the nameplate",
        "procedure_fa": "بررسی برق\nبررسی مبرد\nعکس پلاک\nچهارم",
        "procedure_it": "\nControllare il refrigerante",  # the first step left as written
        "change_note": "Translated",
    }
    refused = client.post(url, form)
    assert refused.status_code == 400 and "one line per step" in refused.content.decode()
    client.post(url, {**form, "procedure_fa": "بررسی برق\nبررسی مبرد\nعکس پلاک"})
    repair.refresh_from_db()
    assert repair.checklist_fa["Check refrigerant"] == "بررسی مبرد"
    with translation.override("it"):
        assert repair.checklist_shown() == [
            "Check power",
            "Controllare il refrigerante",
            "Photo of the nameplate",
        ]
    assert "بررسی مبرد" in client.get(url).content.decode()  # the next version starts from them

    services.process_version_create(
        service_type=repair, by=quality, requirements="x", change_note="New", procedure="A"
    )
    repair.refresh_from_db()
    assert repair.checklist == ["A"] and repair.checklist_shown() == ["A"]
    assert repair.step_shown("Check refrigerant") == "Check refrigerant"  # English is active
    with translation.override("fa"):  # older visits' steps keep their translation
        assert repair.step_shown("Check refrigerant") == "بررسی مبرد"
