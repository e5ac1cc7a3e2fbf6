from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from aftersales.core.views import account
from aftersales.core.views.forms import AuthForm, PasswordChange, PasswordReset, SetPassword
from aftersales.service import offline

from . import search
from .api import api

auth = [
    path("login/", auth_views.LoginView.as_view(authentication_form=AuthForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            template_name="core/form.html", form_class=PasswordChange
        ),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="core/password_done.html"),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            template_name="core/form.html", form_class=PasswordReset
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="core/password_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="core/form.html", form_class=SetPassword
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="core/password_done.html"),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", search.home, name="home"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline.manifest, name="web_manifest"),
    path("accounts/", include(auth)),
    path("account/", account.account, name="account"),
    path("account/tokens/", account.token_create, name="token_create"),
    path("account/tokens/<int:pk>/revoke/", account.token_revoke, name="token_revoke"),
    path("language/", account.language, name="language"),
    path("catalog/", include("aftersales.catalog.urls")),
    path("customers/", include("aftersales.customers.urls")),
    path("units/", include("aftersales.units.urls")),
    path("agents/", include("aftersales.agents.urls")),
    path("technicians/", include("aftersales.workforce.urls")),
    path("my/", include("aftersales.portal.urls")),
    path("warranty/", include("aftersales.warranty.urls")),
    path("parts/", include("aftersales.parts.urls")),
    path("service/", include("aftersales.service.urls")),
    path("billing/", include("aftersales.billing.urls")),
    path("settlements/", include("aftersales.settlements.urls")),
    path("complaints/", include("aftersales.complaints.urls")),
    path("surveys/", include("aftersales.surveys.urls")),
    path("club/", include("aftersales.club.urls")),
    path("insights/", include("aftersales.insights.urls")),
    path("quality/", include("aftersales.quality.urls")),
    path("knowledge/", include("aftersales.knowledge.urls")),
    path("workshop/", include("aftersales.workshop.urls")),
    path("dispatch/", include("aftersales.dispatch.urls")),
    path("inbox/", include("aftersales.inbox.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
