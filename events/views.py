from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone, translation
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from events import ical, selectors
from events.charts import participant_chart
from events.forms import EventFilterForm, When
from events.models import Event
from networks.models import Network
from portal import thaidates
from portal.i18n import translated
from portal.lists import FilteredListView
from portal.sources import disagreements
from programmes.models import Programme


class EventListView(FilteredListView):
    """Past events, paginated, under the next few upcoming ones; `?when=upcoming` pages
    through every upcoming event instead, `?when=past` shows past events only."""

    template_name = "events/event_list.html"
    context_object_name = "events"
    form_class = EventFilterForm
    upcoming_limit = 5

    def get_filter_choices(self) -> dict:
        return selectors.filter_choices()

    def get_queryset(self):
        self.today = timezone.localdate()
        self.rows = selectors.filter_events(selectors.event_rows(), self.filters)
        if self.filters.get("when") == When.UPCOMING:
            return self.rows.upcoming(self.today)
        return self.rows.past(self.today)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        when = self.filters.get("when", "")
        upcoming = []
        if not when and context["page_obj"].number == 1:
            upcoming = list(self.rows.upcoming(self.today)[: self.upcoming_limit + 1])
        context.update(
            when=when,
            upcoming=upcoming[: self.upcoming_limit],
            more_upcoming=len(upcoming) > self.upcoming_limit,
            upcoming_url=self._with_query(when=When.UPCOMING),
        )
        return context

    def _with_query(self, **changes) -> str:
        query = self.request.GET.copy()
        query.pop("page", None)
        for key, value in changes.items():
            query[key] = value
        return f"?{query.urlencode()}"


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return selectors.event_detail_queryset(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        groups = list(event.participant_groups.all())
        context.update(
            programme_blocks=selectors.event_programme(event),
            reporters=selectors.event_reporters(event),
            groups=groups,
            chart=participant_chart([g for g in groups if g.count is not None]),
            uncounted_groups=any(g.count is None for g in groups),
            check=event.participant_check,
            organisers=list(event.event_organisers.all()),
            documents=list(event.documents.all()),
            awards=list(event.awards.all()),
            good_practices=list(event.good_practice_links.all()),
            sources=list(event.sources.all()),
            source_disagreements=disagreements(event.sources.all()),
            batches=_batches(event),
        )
        return context


def _batches(event) -> list:
    """The published batches of the event's public series (this one included), or none."""
    if not (event.series_id and event.series.is_public):
        return []
    return list(event.series.batches)


class SeriesDetailView(DetailView):
    template_name = "events/series_detail.html"
    context_object_name = "series"

    def get_queryset(self):
        return selectors.series_detail_queryset(self.request.user)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    lang = translation.get_language() or "th"
    content = ical.calendar_for(
        [event],
        lang=lang,
        build_url=lambda e: request.build_absolute_uri(e.get_absolute_url()),
    )
    return _ics_response(content, f"{event.slug}.ics")


def _calendar(request, events, *, filename: str, name: str | None = None) -> HttpResponse:
    lang = translation.get_language() or "th"
    content = ical.calendar_for(
        ical.calendar_rows(events),
        lang=lang,
        build_url=lambda e: request.build_absolute_uri(e.get_absolute_url()),
        name=name,
    )
    return _ics_response(content, filename)


@require_safe
def calendar_ics(request):
    """Upcoming events and those of the last twelve months; older years have their own."""
    return _calendar(
        request, ical.in_window(Event.objects.published()), filename="phakhi-events.ics"
    )


@require_safe
def year_calendar_ics(request, year: int):
    """The events of one year; a Buddhist-Era year in the address goes to its Common-Era one."""
    if year > thaidates.BE_THRESHOLD and year - thaidates.BE_OFFSET <= ical.LAST_YEAR:
        return redirect("events:year_calendar", year=year - thaidates.BE_OFFSET, permanent=True)
    if not ical.FIRST_YEAR <= year <= ical.LAST_YEAR:
        raise Http404
    events = Event.objects.published().filter(end_date__year__gte=year, start_date__year__lte=year)
    return _calendar(request, events, filename=f"phakhi-events-{year}.ics")


@require_safe
def programme_calendar_ics(request, slug: str):
    programme = get_object_or_404(Programme.objects.published(), slug=slug)
    events = Event.objects.published().filter(programme=programme)
    return _calendar(
        request, events, filename=f"{programme.slug}.ics", name=str(translated(programme, "title"))
    )


@require_safe
def network_calendar_ics(request, slug: str):
    network = get_object_or_404(Network.objects.published(), slug=slug)
    events = Event.objects.published().filter(network=network)
    return _calendar(
        request, events, filename=f"{network.slug}.ics", name=str(translated(network, "name"))
    )
