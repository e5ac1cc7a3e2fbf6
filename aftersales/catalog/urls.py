from django.urls import path

from . import views

app_name = "catalog"

urlpatterns = [
    path("", views.ProductModelList.as_view(), name="models"),
    path("models/new/", views.product_model_create, name="model_create"),
    path("models/<int:pk>/", views.product_model_detail, name="model"),
    path("models/<int:pk>/edit/", views.product_model_edit, name="model_edit"),
    path("models/<int:pk>/manual/", views.product_model_manual, name="model_manual"),
    path("categories/", views.CategoryList.as_view(), name="categories"),
    path("categories/new/", views.category_create, name="category_create"),
    path("categories/<int:pk>/", views.category_detail, name="category"),
    path("categories/<int:pk>/edit/", views.category_edit, name="category_edit"),
    path("parts/", views.PartList.as_view(), name="parts"),
    path("parts/new/", views.part_create, name="part_create"),
    path("parts/<int:pk>/", views.part_detail, name="part"),
    path("parts/<int:pk>/edit/", views.part_edit, name="part_edit"),
    path("parts/<int:pk>/prices/new/", views.part_price_add, name="part_price_add"),
    path("failure-codes/", views.FailureCodeList.as_view(), name="failure_codes"),
    path("failure-codes/new/", views.failure_code_create, name="failure_code_create"),
    path("failure-codes/<int:pk>/", views.failure_code_detail, name="failure_code"),
    path("failure-codes/<int:pk>/edit/", views.failure_code_edit, name="failure_code_edit"),
]
