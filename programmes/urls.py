from django.urls import path

from portal.views import section_pending
from programmes.library.urls import urlpatterns as library_urlpatterns

app_name = "programmes"

urlpatterns = [
    path("programmes/", section_pending, name="list"),
    path("programmes/<slug:slug>/", section_pending, name="detail"),
    path("good-practices/", section_pending, name="goodpractice_list"),
    path("good-practices/<slug:slug>/", section_pending, name="goodpractice_detail"),
    *library_urlpatterns,
]
