"""The visit's report shows which check-list steps the technician ticked."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_visit_report_shows_the_ticked_check_list(login, checked_in, technician, operator):
    steps = checked_in.request.service_type.checklist
    login(technician.user).post(f"{checked_in.get_absolute_url()}record/", {"step_0": "on"})
    page = login(operator).get(checked_in.get_absolute_url()).content.decode()
    report = page.split('id="checklist"', 1)[1]
    assert steps[0] in report and steps[1] in report
    assert report.index("bi-check-square") < report.index(steps[0])
