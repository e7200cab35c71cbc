"""Partner sign-in and sign-out, in the `accounts` namespace (LOGIN_URL = "accounts:login")."""

from django.urls import path

from publications import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.PartnerSignInView.as_view(), name="login"),
    path("sign-out/", views.PartnerSignOutView.as_view(), name="logout"),
]
