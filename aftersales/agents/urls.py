from django.urls import path

from . import views

app_name = "agents"

urlpatterns = [
    path("", views.AgentList.as_view(), name="list"),
    path("new/", views.agent_create, name="create"),
    path("<int:pk>/", views.agent_detail, name="detail"),
    path("<int:pk>/edit/", views.agent_edit, name="edit"),
]
