"""From a visit, a technician refers a defect (unit, batch, codes, photos) to the quality queue."""

import pytest

from aftersales.core.choices import Role
from aftersales.service.models import DefectReport
from tests.factories import FailureCodeFactory

from .factories import open_request, scheduled_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_site(operator, dispatcher, owner, owned_unit, technician):
    from aftersales.service import services

    owned_unit.batch = "B-2026-07"
    owned_unit.save()
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    visit = scheduled_visit(request=request, technician=technician, by=dispatcher)
    visit = services.visit_check_in(visit=visit, by=technician.user)
    code = FailureCodeFactory(code="D-COMP", level="defect")
    return services.visit_record(
        visit=visit, by=technician.user, diagnosis="x", failure_codes=[code], checklist={}
    )


def test_a_technician_refers_and_quality_acknowledges(
    login, on_site, technician, make_user, owner, agent_user
):
    client = login(technician.user)
    response = client.post(
        f"{on_site.get_absolute_url()}refer/", {"description": "Compressor seized at 3 months"}
    )
    assert response.status_code == 302
    report = DefectReport.objects.get()
    assert report.number.startswith("DR-")
    assert (report.unit, report.batch) == (on_site.request.unit, "B-2026-07")
    assert [code.code for code in report.failure_codes.all()] == ["D-COMP"]

    quality = login(make_user(Role.QUALITY, username="qe"))
    assert report.number in quality.get("/service/defects/").content.decode()
    assert quality.get(report.get_absolute_url()).status_code == 200
    quality.post(report.get_absolute_url(), {"status": "acknowledged"})
    report.refresh_from_db()
    assert report.status == "acknowledged"

    # the technician cannot change its status; a customer cannot see it
    client.post(report.get_absolute_url(), {"status": "closed"})
    report.refresh_from_db()
    assert report.status == "acknowledged"
    assert login(owner.user).get(report.get_absolute_url()).status_code == 404
