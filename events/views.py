from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.views.decorators.http import require_GET
from django.views.generic import DetailView

from events import ical, selectors
from events.charts import participant_chart
from events.forms import EventFilterForm
from events.models import Event
from portal.lists import FilteredListView


class EventListView(FilteredListView):
    """Upcoming events (all of them, on the first page) and past events (paginated), filtered."""

    template_name = "events/event_list.html"
    context_object_name = "past"
    form_class = EventFilterForm

    def get_filter_choices(self) -> dict:
        return selectors.filter_choices()

    def get_queryset(self):
        self.today = timezone.localdate()
        self.rows = selectors.filter_events(selectors.event_rows(), self.filters)
        return self.rows.past(self.today)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        first_page = context["page_obj"].number == 1
        context["upcoming"] = list(self.rows.upcoming(self.today)) if first_page else []
        return context


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
            chart=participant_chart(groups),
            check=event.participant_check,
            organisers=list(event.event_organisers.all()),
            documents=list(event.documents.all()),
        )
        return context


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    lang = translation.get_language() or "th"
    content = ical.calendar_for(
        [event],
        lang=lang,
        build_url=lambda e: request.build_absolute_uri(e.get_absolute_url()),
    )
    return _ics_response(content, f"{event.slug}.ics")


@require_GET
def calendar_ics(request):
    lang = translation.get_language() or "th"
    events = Event.objects.published().order_by("start_date", "pk")
    content = ical.calendar_for(
        events,
        lang=lang,
        build_url=lambda e: request.build_absolute_uri(e.get_absolute_url()),
    )
    return _ics_response(content, "phakhi-events.ics")
