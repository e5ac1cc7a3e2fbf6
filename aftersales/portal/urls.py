from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("register/", views.register, name="register"),
    path("units/<int:pk>/", views.unit_detail, name="unit"),
    path("details/", views.details, name="details"),
    path("details/addresses/new/", views.address_add, name="address_add"),
    path("requests/<int:pk>/book/", views.book, name="book"),
]
