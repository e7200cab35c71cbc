"""Public pages of the library, the download view and the partner sign-in."""

import json
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.views import LoginView, LogoutView, redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from portal.lists import FilteredListView
from publications import citations, selectors, services
from publications.downloads import (
    content_disposition,
    counts_as_download,
    file_response,
    is_continued_range,
)
from publications.forms import LibraryFilterForm, PartnerSignInForm
from publications.models import Publication

logger = logging.getLogger(__name__)


class PublicationListView(FilteredListView):
    """The library: filters, two sort orders, pages."""

    template_name = "publications/publication_list.html"
    context_object_name = "publications"
    form_class = LibraryFilterForm

    def get_filter_choices(self) -> dict:
        return selectors.filter_choices()

    def get_queryset(self):
        return selectors.publication_library(filters=self.filters)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The sort order is not a filter: "clear filters" and "no match" ignore it.
        context["filters"] = {k: v for k, v in self.filters.items() if k != "sort"}
        return context


class PublicationDetailView(DetailView):
    template_name = "publications/publication_detail.html"
    context_object_name = "publication"

    def get_queryset(self):
        return selectors.publication_detail_queryset(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        publication = self.object
        url = self.request.build_absolute_uri(publication.get_absolute_url())
        context.update(
            can_download=selectors.can_download(self.request.user, publication),
            citation=citations.formatted(publication, url),
            # What the download count counts, said beside it (downloads.counts_as_download).
            repeat_minutes=settings.PHAKHI_DOWNLOAD_REPEAT_SECONDS // 60,
        )
        return context


def _citation_response(request, slug: str, *, kind: str) -> HttpResponse:
    publication = get_object_or_404(selectors.publication_detail_queryset(request.user), slug=slug)
    url = request.build_absolute_uri(publication.get_absolute_url())
    if kind == "bib":
        body, content_type = citations.bibtex(publication, url), "application/x-bibtex"
    elif kind == "json":
        body = json.dumps(citations.csl_json(publication, url), ensure_ascii=False, indent=2)
        content_type = "application/vnd.citationstyles.csl+json"
    else:
        body, content_type = citations.ris(publication, url), "application/x-research-info-systems"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = content_disposition(f"{publication.slug}.{kind}")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def publication_bibtex(request, slug):
    return _citation_response(request, slug, kind="bib")


@require_safe
def publication_ris(request, slug):
    return _citation_response(request, slug, kind="ris")


@require_safe
def publication_csl_json(request, slug):
    return _citation_response(request, slug, kind="json")


@require_safe
def publication_download(request, slug):
    """The one way any publication file leaves the server, after the access check.

    Anonymous visitors asking for a partners-only file go to the sign-in page and
    come back here; signed-in accounts without partner rights get a 403 page that
    says why. HEAD requests, crawlers, repeats and resumed transfers are answered but not
    counted (`downloads.counts_as_download`).
    """
    publication = get_object_or_404(selectors.downloadable_queryset(request.user), slug=slug)
    if not publication.file:
        raise Http404(_("This publication has no file."))
    if not selectors.can_download(request.user, publication):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return render(
            request,
            "publications/partners_only.html",
            {
                "publication": publication,
                "partner_account": selectors.partner_account_for(request.user),
            },
            status=403,
        )
    if not publication.file.storage.exists(publication.file.name):
        logger.error("Publication %s: file %s is missing", publication.pk, publication.file.name)
        raise Http404(_("The file is missing."))
    response = file_response(publication, request)
    if response.status_code == 416 or request.method != "GET":
        return response
    # A transfer resumed with a Range is the same download: neither counted nor logged.
    if not is_continued_range(request):
        services.publication_record_download(
            publication=publication,
            user=request.user,
            count=counts_as_download(request, publication),
        )
    return response


def _publication_in_next(next_url: str) -> Publication | None:
    """The publication a sign-in is for, when `next` is one of its download or detail pages."""
    if not next_url:
        return None
    try:
        match = resolve(urlsplit(next_url).path)
    except (Resolver404, ValueError):  # ValueError: not a URL at all ("http://[")
        return None
    if match.namespace != "publications" or "slug" not in match.kwargs:
        return None
    return Publication.objects.published().filter(slug=match.kwargs.get("slug")).first()


class PartnerSignInView(LoginView):
    template_name = "publications/sign_in.html"
    authentication_form = PartnerSignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next_publication"] = _publication_in_next(
            self.request.POST.get("next") or self.request.GET.get("next", "")
        )
        return context


class PartnerSignOutView(LogoutView):
    """Sign out (POST only) and go back to `next` or LOGOUT_REDIRECT_URL."""
