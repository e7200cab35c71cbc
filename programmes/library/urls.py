"""URLs of the publication library, included in the `programmes` namespace."""

from django.urls import path

from programmes.library import feeds, views

urlpatterns = [
    path("publications/", views.PublicationListView.as_view(), name="publication_list"),
    path("publications/feed.atom", feeds.NewPublicationsFeed(), name="publication_feed"),
    path(
        "publications/<slug:slug>/",
        views.PublicationDetailView.as_view(),
        name="publication_detail",
    ),
    path(
        "publications/<slug:slug>/download/",
        views.publication_download,
        name="publication_download",
    ),
    path("publications/<slug:slug>/cite.bib", views.publication_bibtex, name="publication_bibtex"),
    path("publications/<slug:slug>/cite.ris", views.publication_ris, name="publication_ris"),
]
