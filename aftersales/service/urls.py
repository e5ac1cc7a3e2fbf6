from django.urls import path

from . import views

app_name = "service"

urlpatterns = [
    path("", views.RequestList.as_view(), name="queue"),
    path("new/", views.request_start, name="start"),
    path("new/<int:customer_id>/", views.request_create, name="request_create"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("requests/<int:pk>/triage/", views.request_triage, name="request_triage"),
    path("requests/<int:pk>/move/", views.request_transition, name="request_transition"),
    path("requests/<int:pk>/support/", views.support_record, name="support_record"),
    path("requests/<int:pk>/reschedule/", views.request_reschedule, name="request_reschedule"),
    path("requests/<int:pk>/plan/", views.visit_schedule, name="visit_schedule"),
    path("visits/", views.VisitList.as_view(), name="visits"),
    path("visits/today/", views.today, name="today"),
    path("visits/calendar/", views.calendar_link, name="calendar_link"),
    path("visits/calendar/<str:key>.ics", views.calendar_feed, name="calendar_feed"),
    path("visits/<int:pk>/", views.visit_detail, name="visit"),
    path("visits/<int:pk>/signature/", views.signature, name="signature"),
    path("visits/<int:pk>/<str:step>/", views.visit_action, name="visit_action"),
    path("photos/<int:pk>/", views.photo, name="photo"),
    path("requests/photos/<int:pk>/", views.request_photo, name="request_photo"),
    path("defects/", views.DefectList.as_view(), name="defects"),
    path("defects/<int:pk>/", views.defect_detail, name="defect"),
    path("campaigns/", views.CampaignList.as_view(), name="campaigns"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign"),
    path("campaigns/contacts/<int:pk>/", views.campaign_contact, name="campaign_contact"),
    path("my/", views.portal_requests, name="portal_requests"),
    path("my/new/", views.portal_request_create, name="portal_request_create"),
    path("my/<int:pk>/", views.portal_request, name="portal_request"),
]
