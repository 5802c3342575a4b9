"""HEAD answers without a body."""


class HeadWithoutBodyMiddleware:
    """A HEAD request gets GET's headers (Content-Length included) and no body.

    Django renders the body for HEAD as for GET; gunicorn drops it, as RFC 9110 asks, but
    logs a warning for each one, and monitors often probe with HEAD.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming and response.content:
            response.headers["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
