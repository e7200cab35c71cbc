from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, TemplateView

from events import ical, selectors
from events.charts import participant_chart
from events.forms import EventFilterForm
from events.models import Event

PAGE_SIZE = 20


class EventListView(TemplateView):
    """Upcoming events (all of them) and past events (paginated), both filtered."""

    template_name = "events/event_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = EventFilterForm(self.request.GET or None, choices=selectors.filter_choices())
        filters = form.filters()
        today = timezone.localdate()
        rows = selectors.filter_events(selectors.event_rows(), filters)
        paginator = Paginator(rows.past(today), PAGE_SIZE)
        try:
            page_obj = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage as exc:
            raise Http404(str(exc)) from exc
        upcoming = list(rows.upcoming(today)) if page_obj.number == 1 else []
        context.update(
            form=form,
            filters=filters,
            upcoming=upcoming,
            page_obj=page_obj,
            past=page_obj.object_list,
            is_paginated=page_obj.has_other_pages(),
        )
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
