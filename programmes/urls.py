from django.urls import path

from portal.views import section_pending

app_name = "programmes"

urlpatterns = [
    path("programmes/", section_pending, name="list"),
    path("programmes/<slug:slug>/", section_pending, name="detail"),
    path("good-practices/", section_pending, name="goodpractice_list"),
    path("good-practices/<slug:slug>/", section_pending, name="goodpractice_detail"),
    path("publications/", section_pending, name="publication_list"),
    path("publications/<slug:slug>/", section_pending, name="publication_detail"),
    path("publications/<slug:slug>/download/", section_pending, name="publication_download"),
]
