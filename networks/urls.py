from django.urls import path

from networks import views
from portal.opendata import export_view

app_name = "networks"

urlpatterns = [
    path("organisations/", views.OrganisationListView.as_view(), name="organisation_list"),
    path(
        "organisations/export.<str:fmt>",
        export_view,
        {"key": "organisations"},
        name="organisation_export",
    ),
    path("organisations/popolo.json", views.popolo_portal, name="popolo"),
    path(
        "organisations/<slug:slug>/popolo.json",
        views.popolo_organisation,
        name="organisation_popolo",
    ),
    path(
        "organisations/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path("networks/", views.NetworkListView.as_view(), name="network_list"),
    path("networks/export.<str:fmt>", export_view, {"key": "networks"}, name="network_export"),
    path(
        "networks/export/memberships.<str:fmt>",
        export_view,
        {"key": "network-memberships"},
        name="membership_export",
    ),
    path("networks/<slug:slug>/popolo.json", views.popolo_network, name="network_popolo"),
    path("networks/<slug:slug>/", views.NetworkDetailView.as_view(), name="network_detail"),
    path("partnerships/", views.PartnershipView.as_view(), name="partnerships"),
    path(
        "partnerships/<slug:scope>/<slug:slug>/",
        views.PartnershipView.as_view(),
        name="partnerships_of",
    ),
]
