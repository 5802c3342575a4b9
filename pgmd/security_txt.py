"""/.well-known/security.txt (RFC 9116): whom to tell about a vulnerability."""

from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

# RFC 9116 asks for an Expires under a year away, so that a stale file is noticed; the
# date moves with each request, so it never lapses while the site is served.
VALID_FOR = timedelta(days=180)


@require_safe
def security_txt(request):
    contacts = [item.strip() for item in settings.SECURITY_CONTACT.split(",") if item.strip()]
    if not contacts:
        contacts = [f"mailto:security@{request.get_host().split(':')[0]}"]
    expires = (timezone.now() + VALID_FOR).replace(microsecond=0)
    lines = [f"Contact: {contact}" for contact in contacts]
    lines += [
        f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
        "Preferred-Languages: en",
        f"Canonical: {request.build_absolute_uri(request.path)}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
