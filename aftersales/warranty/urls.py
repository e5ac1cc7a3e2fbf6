from django.urls import path

from . import views

app_name = "warranty"

urlpatterns = [
    path("", views.PolicyList.as_view(), name="policies"),
    path("policies/new/", views.policy_create, name="policy_create"),
    path("policies/<int:pk>/", views.policy_detail, name="policy"),
    path("policies/<int:pk>/edit/", views.policy_edit, name="policy_edit"),
    path("policies/<int:pk>/parts/", views.policy_part_set, name="policy_part_set"),
    path("policies/<int:pk>/guarantees/", views.policy_guarantee_set, name="policy_guarantee_set"),
    path("legal/", views.legal_list, name="legal"),
    path("legal/new/", views.legal_create, name="legal_create"),
    path("legal/<int:pk>/edit/", views.legal_edit, name="legal_edit"),
    path("standard-times/", views.standard_times, name="standard_times"),
    path("standard-times/<int:pk>/edit/", views.standard_time_edit, name="standard_time_edit"),
    path("units/<int:pk>/guarantees/", views.guarantee_accept, name="guarantee_accept"),
    path("units/<int:pk>/", views.unit_warranty, name="unit"),
    path("units/<int:pk>/contracts/new/", views.contract_create, name="contract_create"),
    path("units/<int:pk>/card.pdf", views.unit_card, name="card"),
    path("claims/", views.ClaimList.as_view(), name="claims"),
    path("claims/new/", views.claim_create, name="claim_create"),
    path("claims/returns/", views.claim_returns, name="claim_returns"),
    path(
        "claims/<int:pk>/parts/<int:line>/return/",
        views.claim_part_return,
        name="claim_part_return",
    ),
    path("claims/<int:pk>/recovery/", views.recovery_create, name="recovery_create"),
    path("recoveries/", views.RecoveryList.as_view(), name="recoveries"),
    path("recoveries/<int:pk>/", views.recovery_detail, name="recovery"),
    path("recoveries/<int:pk>/move/", views.recovery_move, name="recovery_move"),
    path("claims/review/", views.review_queue, name="review"),
    path("claims/repeat-repairs/", views.lemon_list, name="lemons"),
    path("claims/<int:pk>/", views.claim_detail, name="claim"),
    path("claims/<int:pk>/decide/", views.claim_decide, name="claim_decide"),
    path("verify/", views.verify, name="verify"),
]
