from django.urls import path

from . import views

app_name = "complaints"

urlpatterns = [
    path("", views.ComplaintList.as_view(), name="list"),
    path("new/", views.complaint_create, name="create"),
    path("analysis/", views.analysis, name="analysis"),
    path("deadlines/", views.deadlines_edit, name="deadlines"),
    path("<int:pk>/", views.complaint_detail, name="detail"),
    path("<int:pk>/<slug:action>/", views.complaint_act, name="act"),
    # public, no login
    path("mine/", views.my_complaints, name="mine"),
    path("submit/", views.submit, name="submit"),
    path("track/", views.track_form, name="track_form"),
    path("track/<str:code>/", views.track, name="track"),
    path("track/<str:code>/answer/", views.track_answer, name="track_answer"),
]
