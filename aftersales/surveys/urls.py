from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("invitations/", views.InvitationList.as_view(), name="invitations"),
    path("invitations/<int:pk>/", views.invitation_detail, name="invitation"),
    path("follow-ups/", views.FollowUpList.as_view(), name="follow_ups"),
    path("follow-ups/<int:pk>/", views.follow_up_detail, name="follow_up"),
    path("follow-ups/<int:pk>/close/", views.follow_up_close, name="follow_up_close"),
    path("follow-ups/<int:pk>/take/", views.follow_up_take, name="follow_up_take"),
    path("templates/", views.templates_list, name="templates"),
    path("templates/<int:pk>/", views.template_detail, name="template"),
    # public, no login: the one-time link
    path("s/<str:token>/", views.answer, name="answer"),
]
