from django.urls import path

from events import feeds, views

app_name = "events"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="list"),
    # Before `<slug>.ics`, which would otherwise match "calendar".
    path("events/calendar.ics", views.calendar_ics, name="calendar"),
    path("events/calendar/<int:year>.ics", views.year_calendar_ics, name="year_calendar"),
    path(
        "events/calendar/programme/<slug:slug>.ics",
        views.programme_calendar_ics,
        name="programme_calendar",
    ),
    path(
        "events/calendar/network/<slug:slug>.ics",
        views.network_calendar_ics,
        name="network_calendar",
    ),
    path("events/feed.atom", feeds.EventsFeed(), name="feed"),
    path("events/feed.rss", feeds.EventsFeed.rss(), name="rss"),
    path("events/series/<slug:slug>/", views.SeriesDetailView.as_view(), name="series"),
    path("events/<slug:slug>.ics", views.event_ics, name="ics"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
]
