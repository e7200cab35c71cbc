from django.urls import path

from networks import views

app_name = "networks"

urlpatterns = [
    path("organisations/", views.OrganisationListView.as_view(), name="organisation_list"),
    path(
        "organisations/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path("networks/", views.NetworkListView.as_view(), name="network_list"),
    path("networks/<slug:slug>/", views.NetworkDetailView.as_view(), name="network_detail"),
    path("partnerships/", views.PartnershipView.as_view(), name="partnerships"),
    path(
        "partnerships/<slug:scope>/<slug:slug>/",
        views.PartnershipView.as_view(),
        name="partnerships_of",
    ),
]
