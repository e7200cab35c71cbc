from django.urls import path

from portal.opendata import export_view
from programmes import views, years

app_name = "programmes"

urlpatterns = [
    path("programmes/", views.ProgrammeListView.as_view(), name="list"),
    path("programmes/export.<str:fmt>", export_view, {"key": "programmes"}, name="export"),
    path(
        "programmes/export/partners.<str:fmt>",
        export_view,
        {"key": "programme-partners"},
        name="partner_export",
    ),
    path("programmes/iati.xml", views.iati_activities, name="iati_activities"),
    path("programmes/<slug:slug>/iati.xml", views.iati_activity, name="iati"),
    path("programmes/years/<int:year>/", views.ProgrammeYearView.as_view(), name="year"),
    path("programmes/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="detail"),
    path("programmes/<slug:slug>/years/<int:year>/", years.programme_year, name="programme_year"),
    path("good-practices/", views.GoodPracticeListView.as_view(), name="goodpractice_list"),
    path("good-practices/transfers/", views.TransferView.as_view(), name="transfers"),
    path(
        "good-practices/export.<str:fmt>",
        export_view,
        {"key": "good-practices"},
        name="goodpractice_export",
    ),
    path(
        "good-practices/<slug:slug>/",
        views.GoodPracticeDetailView.as_view(),
        name="goodpractice_detail",
    ),
]
