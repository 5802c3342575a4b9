from django.urls import path

from profiles import views

urlpatterns = [
    path("", views.home, name="home"),
    path("groups/", views.group_list, name="group-list"),
    path("groups/<str:slug>/", views.group_detail, name="group-detail"),
    path("timeline/", views.timeline, name="timeline"),
    path("network/", views.network, name="network"),
    path("countries/", views.country_list, name="country-list"),
    path("countries/<str:code>/", views.country_detail, name="country-detail"),
    path("sources/", views.source_list, name="source-list"),
    path("sources/<str:filename>/", views.source_detail, name="source-detail"),
    path("about/", views.about, name="about"),
    path("feed/", views.feed, name="feed"),
    path("sources/<str:filename>/raw/", views.source_raw, name="source-raw"),
]
