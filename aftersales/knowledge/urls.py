from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("", views.ArticleList.as_view(), name="list"),
    path("new/", views.article_create, name="create"),
    path("<int:pk>/", views.article_detail, name="article"),
    path("<int:pk>/edit/", views.article_edit, name="edit"),
    path("<int:pk>/publish/", views.article_publish, name="publish"),
    path("<int:pk>/archive/", views.article_archive, name="archive"),
]
