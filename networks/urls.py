from django.urls import path

from portal.views import section_pending

app_name = "networks"

urlpatterns = [
    path("organisations/", section_pending, name="organisation_list"),
    path("networks/", section_pending, name="network_list"),
]
