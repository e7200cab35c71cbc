from django.urls import path

from portal.views import section_pending

app_name = "programmes"

urlpatterns = [
    path("programmes/", section_pending, name="list"),
    path("good-practices/", section_pending, name="goodpractice_list"),
    path("publications/", section_pending, name="publication_list"),
]
