from django.urls import path

from . import views, webhook

app_name = "inbox"

urlpatterns = [
    path("", views.MessageList.as_view(), name="list"),
    path("inbound/", webhook.inbound, name="inbound"),
    path("<int:pk>/", views.message_detail, name="message"),
    path("<int:pk>/attach/", views.message_attach, name="attach"),
    path("<int:pk>/ignore/", views.message_ignore, name="ignore"),
    path("<int:pk>/request/", views.message_open_request, name="open_request"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
]
