from django.urls import path

from . import views

app_name = "workshop"

urlpatterns = [
    path("", views.JobList.as_view(), name="queue"),
    path("receive/<int:request_id>/", views.job_receive, name="receive"),
    path("walk-in/<int:customer_id>/", views.walk_in, name="walk_in"),
    path("jobs/<int:pk>/", views.job_detail, name="job"),
    path("jobs/<int:pk>/receipt/", views.receipt, name="receipt"),
    path("jobs/<int:pk>/signature/<str:which>/", views.signature, name="signature"),
    path("jobs/<int:pk>/<str:step>/", views.job_action, name="job_action"),
]
