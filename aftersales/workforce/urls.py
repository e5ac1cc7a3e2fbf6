from django.urls import path

from . import views

app_name = "workforce"

urlpatterns = [
    path("", views.TechnicianList.as_view(), name="list"),
    path("new/", views.technician_create, name="create"),
    path("<int:pk>/", views.technician_detail, name="detail"),
    path("<int:pk>/edit/", views.technician_edit, name="edit"),
]
