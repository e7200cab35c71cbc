from django.urls import path

from events import feeds, views

app_name = "events"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="list"),
    # Before `<slug>.ics`, which would otherwise match "calendar".
    path("events/calendar.ics", views.calendar_ics, name="calendar"),
    path("events/feed.atom", feeds.EventsFeed(), name="feed"),
    path("events/<slug:slug>.ics", views.event_ics, name="ics"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
]
