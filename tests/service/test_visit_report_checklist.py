"""The visit's report shows which check-list steps the technician ticked."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_the_visit_report_shows_the_ticked_check_list(login, checked_in, technician, operator):
    steps = checked_in.request.service_type.checklist
    login(technician.user).post(f"{checked_in.get_absolute_url()}record/", {"step_0": "on"})
    page = login(operator).get(checked_in.get_absolute_url()).content.decode()
    report = page.split('id="checklist"', 1)[1]
    assert steps[0] in report and steps[1] in report
    assert report.index("bi-check-square") < report.index(steps[0])


def test_a_persian_technician_ticks_persian_steps_and_an_italian_reads_them_in_italian(
    login, checked_in, technician, make_user
):
    technician.user.language = "fa"
    technician.user.save()
    repair = checked_in.request.service_type
    page = login(technician.user).get(checked_in.get_absolute_url()).content.decode()
    assert "بازتولید خرابی" in page and "Reproduce the fault" not in page
    login(technician.user).post(f"{checked_in.get_absolute_url()}record/", {"step_0": "on"})
    checked_in.refresh_from_db()
    assert checked_in.checklist["Reproduce the fault"] is True  # kept by the step as written

    reader = make_user("operator", username="operatrice", language="it")
    report = login(reader).get(checked_in.get_absolute_url()).content.decode()
    report = report.split('id="checklist"', 1)[1]
    assert report.index("bi-check-square") < report.index("Riprodurre il guasto")

    del repair.checklist_it["Reproduce the fault"]  # a step without its translation
    repair.save()
    report = login(reader).get(checked_in.get_absolute_url()).content.decode()
    assert "Reproduce the fault" in report and "Riprodurre il guasto" not in report


def test_translations_must_be_texts_by_step(service_data):
    from django.core.exceptions import ValidationError

    from tests.service.factories import service_type

    support = service_type("support")
    support.checklist_fa = ["یک", "دو"]
    with pytest.raises(ValidationError) as refused:
        support.full_clean()
    assert set(refused.value.message_dict) == {"checklist_fa"}


def test_a_report_keeps_the_steps_it_was_worked_with_after_the_procedure_changed(
    login, checked_in, technician, operator
):
    login(technician.user).post(f"{checked_in.get_absolute_url()}record/", {"step_1": "on"})
    repair = checked_in.request.service_type
    old_steps = list(repair.checklist)
    repair.checklist = ["Photograph the nameplate", old_steps[1]]
    repair.save()
    checked_in.refresh_from_db()
    items = checked_in.checklist_items()
    assert items[0] == (old_steps[1], True)  # still in the procedure: first, ticked
    assert sorted(step for step, _done in items[1:]) == sorted(
        step for step in old_steps if step != old_steps[1]
    )
    assert "Photograph the nameplate" not in [step for step, _done in items]
    with translation.override("fa"):  # the old steps keep their translations
        assert "بازتولید خرابی" in [step for step, _done in checked_in.checklist_items()]
