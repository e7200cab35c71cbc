from django.urls import path

from portal.views import section_pending

app_name = "events"

urlpatterns = [
    path("events/", section_pending, name="list"),
]
