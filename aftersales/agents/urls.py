from django.urls import path

from . import views

app_name = "agents"

urlpatterns = [
    path("", views.AgentList.as_view(), name="list"),
    path("new/", views.agent_create, name="create"),
    path("apply/", views.apply, name="apply"),
    path("apply/thanks/", views.apply_done, name="apply_done"),
    path("portal/", views.portal, name="portal"),
    path("plan/", views.network_plan, name="plan"),
    path("<int:pk>/", views.agent_detail, name="detail"),
    path("<int:pk>/edit/", views.agent_edit, name="edit"),
    path("<int:pk>/state/", views.transition, name="transition"),
    path("<int:pk>/evaluate/", views.evaluate, name="evaluate"),
    path("<int:pk>/contracts/new/", views.contract_create, name="contract_create"),
    path("<int:pk>/documents/new/", views.document_attach, name="document_attach"),
    path("<int:pk>/scorecard/", views.scorecard_compute, name="scorecard_compute"),
    path("<int:pk>/targets/new/", views.target_set, name="target_set"),
    path("<int:pk>/actions/new/", views.action_create, name="action_create"),
    path("<int:pk>/reviews/new/", views.review_record, name="review_record"),
    path("<int:pk>/equipment/", views.equipment_check, name="equipment_check"),
    path("contracts/<int:pk>/", views.contract_detail, name="contract"),
    path("documents/<int:pk>/", views.document_file, name="document"),
    path("criteria/", views.criteria, name="criteria"),
    path("criteria/new/", views.criterion_edit, name="criterion_create"),
    path("criteria/<int:pk>/", views.criterion_edit, name="criterion_edit"),
    path("grades/", views.grade_list, name="grades"),
    path("grades/new/", views.grade_edit, name="grade_create"),
    path("grades/<int:pk>/", views.grade_edit, name="grade"),
    path("grades/history/", views.GradeHistoryList.as_view(), name="grade_history"),
    path("metrics/<int:pk>/", views.metric_edit, name="metric_edit"),
    path("scorecards/", views.ScorecardList.as_view(), name="scorecards"),
    path("scorecards/compute/", views.scorecards_compute, name="scorecards_compute"),
    path("scorecards/<int:pk>/", views.scorecard_detail, name="scorecard"),
    path("scorecards/<int:pk>/grade/", views.grade_assign, name="grade_assign"),
    path("actions/", views.ActionList.as_view(), name="actions"),
    path("actions/<int:pk>/close/", views.action_close, name="action_close"),
    path("equipment/", views.equipment_list, name="equipment"),
    path("equipment/new/", views.equipment_edit, name="equipment_create"),
    path("equipment/<int:pk>/", views.equipment_edit, name="equipment_edit"),
]
