import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from portal import exports, media, opendata, views
from portal.auth import ThrottledAdminAuthenticationForm
from portal.sitemaps import all_sitemaps, index_view, section_view

admin.site.site_header = _("Phakhi administration")
admin.site.site_title = _("Phakhi")
admin.site.index_title = _("Records")
admin.site.login_form = ThrottledAdminAuthenticationForm

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "admin/export/<str:app_label>/<str:model_name>.<str:fmt>",
        admin.site.admin_view(exports.export_view),
        name="admin_export",
    ),
    path("admin/", admin.site.urls),
    # An index of sections, each a page of at most `I18nSitemap.limit` addresses.
    path(
        "sitemap.xml",
        index_view,
        {"sitemaps": all_sitemaps(), "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        section_view,
        {"sitemaps": all_sitemaps()},
        name="sitemap-section",
    ),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("about/", views.site_page, {"key": "about"}, name="about"),
    path("accessibility/", views.site_page, {"key": "accessibility"}, name="accessibility"),
    path("privacy/", views.site_page, {"key": "privacy"}, name="privacy"),
    path("years/", views.year_index, name="years"),
    path("years/<int:year>/", views.year_archive, name="year"),
    path("statistics/", views.statistics, name="statistics"),
    path("data/", opendata.data_page, name="data"),
    path("data/datapackage.json", opendata.datapackage_view, name="datapackage"),
    path("", include("networks.urls")),
    path("", include("programmes.urls")),
    path("", include("publications.urls")),
    path("", include("events.urls")),
    path("accounts/", include("publications.account_urls")),
    prefix_default_language=True,
)

# Public media with DEBUG on or off, unless nginx or a bucket serves MEDIA_URL (portal/media.py).
if media.serves_media():
    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", media.media, name="media"
        )
    )

# A database outage is a 503 page with Retry-After, not a 500 (portal/faults.py).
handler500 = "portal.faults.server_error"
