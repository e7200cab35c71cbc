"""A bare Django application in one file: the yardstick `manage.py benchmark` measures
the portal against, served by the same gunicorn with the same workers.

No middleware, no database, no templates, one URL: whatever it costs is the cost of
gunicorn, WSGI and Django's request handling themselves.

    gunicorn portal.bareview:application
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path


def hello(request):
    return HttpResponse("Hello", content_type="text/plain")


urlpatterns = [path("", hello)]

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bare-view-has-no-secrets",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        DATABASES={},
        USE_I18N=False,
    )

application = get_wsgi_application()
