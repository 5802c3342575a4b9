from django.urls import path

from profiles import views

urlpatterns = [
    path("", views.home, name="home"),
    path("groups/", views.group_list, name="group-list"),
    path("groups/<str:slug>/", views.group_detail, name="group-detail"),
    path("sources/<str:filename>/raw/", views.source_raw, name="source-raw"),
]
