from django.urls import path

from . import run_views, views

app_name = "settlements"

urlpatterns = [
    path("", views.SettlementList.as_view(), name="list"),
    path("new/", views.settlement_create, name="create"),
    path("draft-all/", views.draft_all, name="draft_all"),
    path("journal/", views.JournalList.as_view(), name="journal"),
    path("overview/", views.overview, name="overview"),
    path("payment-runs/", run_views.PaymentRunList.as_view(), name="runs"),
    path("payment-runs/new/", run_views.run_create, name="run_create"),
    path("payment-runs/<int:pk>/", run_views.run_detail, name="run_detail"),
    path("payment-runs/<int:pk>/file/", run_views.run_file, name="run_file"),
    path("payment-runs/<int:pk>/paid/", run_views.run_paid, name="run_paid"),
    path("payment-runs/<int:pk>/cancel/", run_views.run_cancel, name="run_cancel"),
    path(
        "payment-runs/<int:pk>/status-report/",
        run_views.run_status_report,
        name="run_status_report",
    ),
    path("<int:pk>/", views.settlement_detail, name="detail"),
    path("<int:pk>/refresh/", views.settlement_refresh, name="refresh"),
    path("<int:pk>/approve/", views.settlement_approve, name="approve"),
    path("<int:pk>/discard/", views.settlement_discard, name="discard"),
    path("<int:pk>/adjustments/", views.adjustment_add, name="adjustment_add"),
    path(
        "<int:pk>/adjustments/<int:line>/remove/",
        views.adjustment_remove,
        name="adjustment_remove",
    ),
    path("<int:pk>/payments/", views.payment_add, name="payment_add"),
    path("<int:pk>/paid/", views.settlement_mark_paid, name="mark_paid"),
    path("<int:pk>/statement.pdf", views.statement, name="statement"),
]
