from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from bawaslu_portal import views
from bawaslu_portal.forms import LoginForm, PasswordResetRequestForm
from office.views.queue import work_queue

auth_patterns = [
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/kata-sandi/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "akun/kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "akun/reset/",
        auth_views.PasswordResetView.as_view(form_class=PasswordResetRequestForm),
        name="password_reset",
    ),
    path(
        "akun/reset/terkirim/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "akun/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "akun/reset/selesai/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    # The home page is the office's work queue (issue 9 §1).
    path("", work_queue, name="home"),
    path("wilayah/", views.region_browse, name="region_browse"),
    path("wilayah/<str:code>/", views.region_browse, name="region_detail"),
    path("lembaga/", views.agency_list, name="agency_list"),
    path("lembaga/<int:pk>/", views.agency_detail, name="agency_detail"),
    path("bahasa/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("", include("coordination.urls")),
    path("", include("reports.urls")),
    path("", include("office.urls")),
    path("", include("search.urls")),
    *auth_patterns,
]

handler403 = "bawaslu_portal.views.permission_denied"
handler404 = "bawaslu_portal.views.page_not_found"
handler500 = "bawaslu_portal.views.server_error"
