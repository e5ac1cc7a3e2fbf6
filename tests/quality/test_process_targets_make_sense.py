"""A process's KPI targets are on the KPI's own scale: CSAT is a share (0..1) like the other
rates, an NPS runs from -100 to 100, and no hours, counts or money are negative."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from aftersales.quality import kpis, services
from aftersales.quality.models import ProcessVersion
from aftersales.service.models import ServiceType

pytestmark = pytest.mark.django_db


@pytest.fixture
def repair(service_data):
    return ServiceType.objects.get(code="repair")


def _publish(client, repair, **targets):
    data = {"requirements": "Fix it.", "change_note": "Targets"}
    data |= {f"target_{key}": value for key, value in targets.items()}
    return client.post(f"/quality/processes/{repair.pk}/new/", data)


def test_a_csat_target_is_a_share_and_shows_in_per_cent(login, quality, repair):
    client = login(quality)
    refused = _publish(client, repair, csat="4.5")
    assert refused.status_code == 400
    assert "A rate is between 0 and 1." in refused.content.decode()
    assert _publish(client, repair, csat="0.9").status_code == 302
    page = client.get(f"/quality/processes/{repair.pk}/").content.decode()
    assert "90%" in page


def test_negative_and_out_of_scale_targets_are_refused(login, quality, repair):
    client = login(quality)
    for key, value, message in [
        ("mean_response_hours", "-4", "A target cannot be negative."),
        ("claims_per_1000_units", "-1", "A target cannot be negative."),
        ("nps", "150", "An NPS is between -100 and 100."),
    ]:
        response = _publish(client, repair, **{key: value})
        assert response.status_code == 400, key
        assert message in response.content.decode(), key
    assert _publish(client, repair, nps="-20", mean_response_hours="4").status_code == 302
    assert ProcessVersion.objects.get().targets == {"nps": "-20", "mean_response_hours": "4"}


def test_the_service_refuses_them_too(quality, repair):
    with pytest.raises(ValidationError) as error:
        services.process_version_create(
            service_type=repair,
            by=quality,
            requirements="r",
            change_note="v1",
            targets={"csat": Decimal("4.5")},
        )
    assert "targets" in error.value.message_dict
    assert not ProcessVersion.objects.exists()


def test_a_csat_review_row_is_a_rate():
    row = kpis.ReviewRow("csat", "CSAT", Decimal("0.89"), Decimal("0.9"), False)
    assert row.is_rate
