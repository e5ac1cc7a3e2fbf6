from django.urls import path

app_name = "workforce"

urlpatterns: list = []
