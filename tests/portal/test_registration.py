import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from aftersales.units.models import Registration, Unit
from tests.factories import ProductModelFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def submit(client, model, **overrides):
    data = {
        "product_model": model.pk,
        "serial": "wm-900-1",
        "purchase_date": "2026-02-01",
        "dealer": "Shop",
        "proof": SimpleUploadedFile("receipt.pdf", PDF, content_type="application/pdf"),
    }
    data.update(overrides)
    return client.post("/my/register/", data)


def test_a_customer_registers_a_unit_and_an_operator_confirms_it(owner, operator, login):
    model = ProductModelFactory()
    response = submit(login(owner.user), model)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.number.startswith("REG-") and registration.serial == "WM-900-1"
    assert registration.proof.read() == PDF

    staff = login(operator)
    assert staff.get(f"/units/registrations/{registration.pk}/proof/").status_code == 200
    staff.post(f"/units/registrations/{registration.pk}/", {"action": "confirm"})
    unit = Unit.objects.get()
    assert (unit.owner, unit.serial, unit.sale_date) == (owner, "WM-900-1", dt.date(2026, 2, 1))
    assert "WM-900-1" in login(owner.user).get("/my/").content.decode()


def test_a_fake_pdf_is_refused_and_nothing_is_stored(owner, login):
    model = ProductModelFactory()
    fake = SimpleUploadedFile("receipt.pdf", b"MZ this is an exe", content_type="application/pdf")
    response = submit(login(owner.user), model, proof=fake)
    assert response.status_code == 400
    assert "not a real JPG, PNG or PDF" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_purchase_in_the_future_is_refused(owner, login):
    response = submit(login(owner.user), ProductModelFactory(), purchase_date="2999-01-01")
    assert response.status_code == 400 and not Registration.objects.exists()


def test_another_customer_cannot_see_the_proof(owner, stranger, login):
    submit(login(owner.user), ProductModelFactory())
    registration = Registration.objects.get()
    assert (
        login(stranger.user).get(f"/units/registrations/{registration.pk}/proof/").status_code
        == 404
    )


def test_a_rejection_needs_a_reason_and_is_shown_to_the_customer(owner, operator, login):
    submit(login(owner.user), ProductModelFactory())
    registration = Registration.objects.get()
    staff = login(operator)
    staff.post(
        f"/units/registrations/{registration.pk}/", {"action": "reject", "rejection_reason": ""}
    )
    registration.refresh_from_db()
    assert registration.status == "pending"
    staff.post(
        f"/units/registrations/{registration.pk}/",
        {"action": "reject", "rejection_reason": "The receipt is unreadable"},
    )
    registration.refresh_from_db()
    assert registration.status == "rejected"
    assert "The receipt is unreadable" in login(owner.user).get("/my/").content.decode()


def test_a_customer_opens_the_warranty_of_their_own_unit_only(
    owner, login, owned_unit, strangers_unit
):
    client = login(owner.user)
    page = client.get(f"/my/units/{owned_unit.pk}/").content.decode()
    assert f"/warranty/units/{owned_unit.pk}/" in page
    assert client.get(f"/warranty/units/{owned_unit.pk}/").status_code == 200
    assert client.get(f"/warranty/units/{strangers_unit.pk}/").status_code == 404
    card = client.get(f"/warranty/units/{owned_unit.pk}/card.pdf")
    assert card.status_code == 200 and card.content[:4] == b"%PDF"
    # the serial on the warranty page leads back to the customer's page of the unit
    assert (
        f'href="/my/units/{owned_unit.pk}/"'
        in client.get(f"/warranty/units/{owned_unit.pk}/").content.decode()
    )


def test_a_unit_the_customer_already_owns_is_not_registered_again(owner, login, owned_unit):
    response = submit(
        login(owner.user),
        owned_unit.product_model,
        serial=owned_unit.serial.lower(),
    )
    assert response.status_code == 400
    assert "This product is already registered to you." in response.content.decode()
    assert not Registration.objects.exists()


def test_a_too_big_proof_is_refused_in_persian_digits(owner, login):
    owner.user.language = "fa"
    owner.user.save()
    big = SimpleUploadedFile("receipt.pdf", PDF + b"0" * (5 * 1024 * 1024), "application/pdf")
    response = submit(login(owner.user), ProductModelFactory(), proof=big)
    assert response.status_code == 400
    page = response.content.decode()
    assert "۵" in page.split('class="invalid-feedback d-block">')[1].split("</div>")[0]
    assert 'value="WM-900-1"' in page or 'value="wm-900-1"' in page
    assert not Registration.objects.exists()


def test_the_agent_phone_reads_as_a_phone_number(owner, login, owned_unit):
    owned_unit.service_agent.phone = "+982188776655"
    owned_unit.service_agent.save()
    page = login(owner.user).get(f"/my/units/{owned_unit.pk}/").content.decode()
    assert 'href="tel:+982188776655"><bdi dir="ltr">+98 21 8877 6655</bdi>' in page
