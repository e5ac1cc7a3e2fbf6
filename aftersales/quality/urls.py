from django.urls import path

from .views import actions, analytics, needs, process, warnings

app_name = "quality"

urlpatterns = [
    path("", analytics.pareto, name="pareto"),
    path("matrix/", analytics.matrix, name="matrix"),
    path("reliability/", analytics.reliability, name="reliability"),
    path("warnings/", warnings.WarningList.as_view(), name="warnings"),
    path("warnings/scan/", warnings.warning_scan, name="warning_scan"),
    path("warnings/<int:pk>/", warnings.warning_detail, name="warning"),
    path("warnings/<int:pk>/dismiss/", warnings.warning_dismiss, name="warning_dismiss"),
    path("actions/", actions.CapaList.as_view(), name="actions"),
    path("actions/new/", actions.capa_create, name="action_create"),
    path("actions/<int:pk>/", actions.capa_detail, name="action"),
    path("actions/<int:pk>/edit/", actions.capa_edit, name="action_edit"),
    path("actions/<int:pk>/verify/", actions.capa_verify, name="action_verify"),
    path("actions/<int:pk>/check/", actions.capa_check, name="action_check"),
    path("actions/<int:pk>/cancel/", actions.capa_cancel, name="action_cancel"),
    path("needs/", needs.NeedList.as_view(), name="needs"),
    path("needs/new/", needs.need_create, name="need_create"),
    path("needs/<int:pk>/", needs.need_detail, name="need"),
    path("needs/<int:pk>/review/", needs.need_review, name="need_review"),
    path("processes/", process.process_list, name="processes"),
    path("processes/<int:pk>/", process.process_detail, name="process"),
    path("processes/<int:pk>/v<int:version>/", process.process_detail, name="process_version"),
    path("processes/<int:pk>/new/", process.process_version_create, name="process_version_create"),
    path("processes/<int:pk>/review/", process.review_create, name="review_create"),
    path("reviews/<int:pk>/", process.review_detail, name="review"),
    path("reviews/<int:pk>/review.pdf", process.review_pdf, name="review_pdf"),
]
