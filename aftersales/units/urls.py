from django.urls import path

from .views import imports, registrations, units

app_name = "units"

urlpatterns = [
    path("", units.UnitList.as_view(), name="list"),
    path("new/", units.unit_create, name="create"),
    path("<int:pk>/", units.unit_detail, name="detail"),
    path("<int:pk>/edit/", units.unit_edit, name="edit"),
    path("<int:pk>/transfer/", units.unit_transfer, name="transfer"),
    path("<int:pk>/readings/new/", units.reading_add, name="reading_add"),
    path("registrations/", registrations.RegistrationList.as_view(), name="registrations"),
    path("registrations/<int:pk>/", registrations.registration_detail, name="registration"),
    path(
        "registrations/<int:pk>/proof/", registrations.registration_proof, name="registration_proof"
    ),
    path("imports/", imports.ImportList.as_view(), name="imports"),
    path("imports/new/", imports.import_upload, name="import_upload"),
    path("imports/template.csv", imports.import_template, name="import_template"),
    path("imports/<int:pk>/", imports.import_detail, name="import"),
]
