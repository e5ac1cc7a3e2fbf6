from django.urls import path

from . import booking_views, views

app_name = "dispatch"

urlpatterns = [
    path("", views.PlanList.as_view(), name="plans"),
    path("new/", views.plan_new, name="plan_new"),
    path("<int:pk>/", views.board, name="board"),
    path("<int:pk>/assignments/", views.AssignmentList.as_view(), name="assignments"),
    path("<int:pk>/replan/", views.replan, name="replan"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("assignments/<int:pk>/move/", views.move, name="move"),
    path("assignments/<int:pk>/pin/", views.pin, name="pin"),
    path("assignments/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("requests/<int:pk>/times/", booking_views.offer_times, name="offer_times"),
]
