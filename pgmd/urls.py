from django.contrib import admin
from django.urls import include, path

from pgmd.health import healthz
from pgmd.security_txt import security_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path("", include("profiles.urls")),
]
