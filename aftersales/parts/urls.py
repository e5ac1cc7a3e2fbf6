from django.urls import path

from . import views

app_name = "parts"

urlpatterns = [
    path("", views.StockList.as_view(), name="stock"),
    path("levels/<int:pk>/", views.level_detail, name="level"),
    path("levels/<int:pk>/plan/", views.level_plan, name="level_plan"),
    path("availability/", views.availability, name="availability"),
    path("warehouses/", views.WarehouseList.as_view(), name="warehouses"),
    path("warehouses/new/", views.warehouse_create, name="warehouse_create"),
    path("warehouses/<int:pk>/", views.warehouse_detail, name="warehouse"),
    path("warehouses/<int:pk>/edit/", views.warehouse_edit, name="warehouse_edit"),
    path("warehouses/<int:pk>/suggest/", views.suggestions_make, name="suggestions_make"),
    path("moves/", views.MoveList.as_view(), name="moves"),
    path("receive/", views.receive, name="receive"),
    path("count/", views.count, name="count"),
    path("scrap/", views.scrap, name="scrap"),
    path("reserve/", views.reserve, name="reserve"),
    path("reservations/<int:pk>/issue/", views.reservation_issue, name="reservation_issue"),
    path("reservations/<int:pk>/release/", views.reservation_release, name="reservation_release"),
    path("transfers/", views.TransferList.as_view(), name="transfers"),
    path("transfers/new/", views.transfer_create, name="transfer_create"),
    path("transfers/<int:pk>/", views.transfer_detail, name="transfer"),
    path("transfers/<int:pk>/receive/", views.transfer_receive, name="transfer_receive"),
    path("van/", views.my_van, name="van"),
    path("returns/", views.ReturnList.as_view(), name="returns"),
    path("returns/new/", views.return_create, name="return_create"),
    path("returns/<int:pk>/", views.return_detail, name="return"),
    path("returns/<int:pk>/<str:action>/", views.return_action, name="return_action"),
    path("suggestions/", views.SuggestionList.as_view(), name="suggestions"),
    path(
        "suggestions/<int:pk>/<str:decision>/",
        views.suggestion_decide,
        name="suggestion_decide",
    ),
    path("sales/", views.CounterSaleList.as_view(), name="sales"),
    path("sales/new/", views.sale_create, name="sale_create"),
    path("sales/<int:pk>/", views.sale_detail, name="sale"),
    path("pick-list/", views.PickList.as_view(), name="pick_list"),
    path("units/<int:pk>/", views.unit_parts, name="unit_parts"),
    path("fill-rate/", views.fill_rates, name="fill_rates"),
    path("obligation/", views.obligation, name="obligation"),
]
