from django.urls import path

from . import rate_views, views

app_name = "insights"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("records/<slug:kind>/", views.records, name="records"),
    path("revenue/", views.revenue, name="revenue"),
    path("rates/", rate_views.RateList.as_view(), name="rates"),
    path("rates/new/", rate_views.rate_create, name="rate_create"),
    path("rates/<int:pk>/", rate_views.rate_edit, name="rate_edit"),
]
