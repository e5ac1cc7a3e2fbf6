from django.urls import path

from . import views

app_name = "customers"

urlpatterns = [
    path("", views.CustomerList.as_view(), name="list"),
    path("new/", views.customer_create, name="create"),
    path("<int:pk>/", views.customer_detail, name="detail"),
    path("<int:pk>/edit/", views.customer_edit, name="edit"),
    path("<int:pk>/addresses/new/", views.address_add, name="address_add"),
]
