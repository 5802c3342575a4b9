from django.urls import path, re_path

from profiles import views
from profiles.dataset import views as data_views

urlpatterns = [
    path("", views.home, name="home"),
    path("groups/", views.group_list, name="group-list"),
    path("groups/<str:slug>/", views.group_detail, name="group-detail"),
    path("timeline/", views.timeline, name="timeline"),
    path("countries/", views.country_list, name="country-list"),
    path("countries/<str:code>/", views.country_detail, name="country-detail"),
    path("sources/", views.source_list, name="source-list"),
    path("sources/<str:filename>/", views.source_detail, name="source-detail"),
    path("about/", views.about, name="about"),
    path("feed/", views.feed, name="feed"),
    path("sources/<str:filename>/raw/", views.source_raw, name="source-raw"),
    path("data/", data_views.data_index, name="data"),
    path("data/codebook/", data_views.codebook, name="data-codebook"),
    # Only file names here, so that "/data/1.0" is redirected to the release's page.
    re_path(r"^data/(?P<filename>[a-z_]+\.(?:csv|json))$", data_views.data_file, name="data-file"),
    path("data/<str:version>/", data_views.release_detail, name="data-release"),
    path(
        "data/<str:version>/<str:filename>",
        data_views.release_file,
        name="data-release-file",
    ),
]
