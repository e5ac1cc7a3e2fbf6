"""A defect report in the quality queue becomes a corrective action; the report is then
acknowledged, and the action takes its model and failure code."""

import pytest

from aftersales.quality.choices import CapaSource
from aftersales.quality.models import CorrectiveAction
from aftersales.service.models import DefectReport
from tests.service.factories import open_request, scheduled_visit, technician_with_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(operator, owner, owned_unit, service_data, make_user, compressor):
    from aftersales.service import services

    dispatcher = make_user("dispatcher", username="disp")
    tech = technician_with_login()
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    visit = scheduled_visit(request=request, technician=tech, by=dispatcher)
    visit = services.visit_check_in(visit=visit, by=tech.user)
    visit = services.visit_record(
        visit=visit, by=tech.user, diagnosis="x", failure_codes=[compressor], checklist={}
    )
    return services.defect_report_raise(visit=visit, by=tech.user, description="Seized at 3 months")


def test_a_defect_report_opens_a_capa(login, quality, report, compressor):
    client = login(quality)
    form = client.get("/quality/actions/new/", {"defect": report.pk}).content.decode()
    assert report.number in form and "Seized at 3 months" in form
    response = client.post(
        "/quality/actions/new/",
        {
            "title": f"Defect {report.number}",
            "kind": "corrective",
            "source": CapaSource.DEFECT_REPORT,
            "defect_report": report.pk,
            "problem": "Seized at 3 months",
        },
    )
    assert response.status_code == 302
    capa = CorrectiveAction.objects.get()
    assert capa.defect_report == report
    assert capa.product_model == report.unit.product_model and capa.failure_code == compressor
    assert DefectReport.objects.get(pk=report.pk).status == "acknowledged"


def test_the_source_needs_its_record(login, quality, report):
    response = login(quality).post(
        "/quality/actions/new/",
        {"title": "t", "kind": "corrective", "source": CapaSource.DEFECT_REPORT, "problem": "p"},
    )
    assert response.status_code == 400 and "Choose the defect report." in response.content.decode()
