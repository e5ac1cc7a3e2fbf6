from django.urls import path

from . import views

app_name = "club"

urlpatterns = [
    path("", views.portal, name="portal"),
    path("customers/<int:pk>/adjust/", views.adjust, name="adjust"),
]
