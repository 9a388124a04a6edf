"""The portal's URLs plus ``/bench/bare/``: the baseline every page is compared with.

The bare view goes through the same middleware as every page but touches no database and
renders no template; a page's time divided by the bare view's time is what the page itself
costs. Used only by ``benchmarks.settings``.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

from bawaslu_portal.urls import *  # noqa: F403
from bawaslu_portal.urls import urlpatterns as portal_urlpatterns

BARE_URL = "/bench/bare/"


@login_not_required
def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path(BARE_URL.strip("/") + "/", bare, name="bench_bare"), *portal_urlpatterns]
