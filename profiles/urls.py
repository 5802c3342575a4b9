from django.urls import path, register_converter

from profiles import views
from profiles.converters import PathTextConverter

register_converter(PathTextConverter, "text")

urlpatterns = [
    path("", views.home, name="home"),
    path("groups/", views.group_list, name="group-list"),
    path("groups/<text:slug>/", views.group_detail, name="group-detail"),
    path("timeline/", views.timeline, name="timeline"),
    path("countries/", views.country_list, name="country-list"),
    path("countries/<text:code>/", views.country_detail, name="country-detail"),
    path("sources/", views.source_list, name="source-list"),
    path("sources/<text:filename>/", views.source_detail, name="source-detail"),
    path("about/", views.about, name="about"),
    path("feed/", views.feed, name="feed"),
    path("sources/<text:filename>/raw/", views.source_raw, name="source-raw"),
]
