"""URLs of the publication library, included in the `programmes` namespace."""

from django.urls import path

from portal.views import section_pending

urlpatterns = [
    path("publications/", section_pending, name="publication_list"),
    path("publications/<slug:slug>/", section_pending, name="publication_detail"),
    path("publications/<slug:slug>/download/", section_pending, name="publication_download"),
]
