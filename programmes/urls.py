from django.urls import path

from programmes import views, years

app_name = "programmes"

urlpatterns = [
    path("programmes/", views.ProgrammeListView.as_view(), name="list"),
    path("programmes/years/<int:year>/", views.ProgrammeYearView.as_view(), name="year"),
    path("programmes/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="detail"),
    path("programmes/<slug:slug>/years/<int:year>/", years.programme_year, name="programme_year"),
    path("good-practices/", views.GoodPracticeListView.as_view(), name="goodpractice_list"),
    path("good-practices/transfers/", views.TransferView.as_view(), name="transfers"),
    path(
        "good-practices/<slug:slug>/",
        views.GoodPracticeDetailView.as_view(),
        name="goodpractice_detail",
    ),
]
