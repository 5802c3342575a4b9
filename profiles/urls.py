from django.urls import path, re_path, register_converter

from profiles import views
from profiles.converters import PathTextConverter
from profiles.dataset import views as data_views

register_converter(PathTextConverter, "text")

urlpatterns = [
    path("", views.home, name="home"),
    path("groups/", views.group_list, name="group-list"),
    path("groups/<text:slug>/", views.group_detail, name="group-detail"),
    path("timeline/", views.timeline, name="timeline"),
    path("network/", views.network, name="network"),
    path("countries/", views.country_list, name="country-list"),
    path("countries/<text:code>/", views.country_detail, name="country-detail"),
    path("sources/", views.source_list, name="source-list"),
    path("sources/<text:filename>/", views.source_detail, name="source-detail"),
    path("about/", views.about, name="about"),
    path("feed/", views.feed, name="feed"),
    path("sources/<text:filename>/raw/", views.source_raw, name="source-raw"),
    path("data/", data_views.data_index, name="data"),
    path("data/codebook/", data_views.codebook, name="data-codebook"),
    # Only file names here, so that "/data/1.0" is redirected to the release's page.
    re_path(r"^data/(?P<filename>[a-z_]+\.(?:csv|json))$", data_views.data_file, name="data-file"),
    path("data/<text:version>/", data_views.release_detail, name="data-release"),
    path(
        "data/<text:version>/<text:filename>",
        data_views.release_file,
        name="data-release-file",
    ),
]
