from django.urls import path

from publications import feeds, views

app_name = "publications"

urlpatterns = [
    path("publications/", views.PublicationListView.as_view(), name="list"),
    path("publications/feed.atom", feeds.NewPublicationsFeed(), name="feed"),
    path("publications/feed.rss", feeds.NewPublicationsFeed.rss(), name="rss"),
    path("publications/<slug:slug>/", views.PublicationDetailView.as_view(), name="detail"),
    path("publications/<slug:slug>/download/", views.publication_download, name="download"),
    path("publications/<slug:slug>/cite.bib", views.publication_bibtex, name="bibtex"),
    path("publications/<slug:slug>/cite.ris", views.publication_ris, name="ris"),
    path("publications/<slug:slug>/cite.json", views.publication_csl_json, name="csl_json"),
]
