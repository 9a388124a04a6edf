"""The public agenda: no login, only public meetings (and declarations), no contact data.

``/agenda/`` lists upcoming or past public meetings and declarations,
filterable by city; ``/agenda/<id>/`` is one public meeting (404 when it is not
public); ``/agenda.ics`` and ``/agenda/<city>.ics`` are the iCalendar feeds.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bawaslu_portal.pagination import CappedCountPaginator, paginate
from coordination import selectors
from coordination.formatting import meeting_time_range
from coordination.forms import AgendaFilterForm
from coordination.ical import agenda_calendar

DECLARATIONS_PER_PAGE = 10
#: Declarations are paged separately from meetings, with their own query parameter.
DECLARATION_PAGE_PARAM = "hal_deklarasi"


@login_not_required
@require_GET
def agenda(request):
    """Upcoming (default) or past public meetings and declarations, optionally of one city."""
    form = AgendaFilterForm(request.GET or None)
    filters = form.filters()
    meetings = selectors.meeting_public_list(**filters)
    declarations = selectors.declaration_public_filter(
        selectors.declaration_public_list(city_code=filters["city_code"]),
        upcoming=filters["upcoming"],
    )
    paginator = CappedCountPaginator(declarations, DECLARATIONS_PER_PAGE)
    declaration_page = paginator.get_page(request.GET.get(DECLARATION_PAGE_PARAM))
    return render(
        request,
        "coordination/public/agenda.html",
        {
            "form": form,
            "upcoming": filters["upcoming"],
            "city_code": filters["city_code"],
            "page": paginate(request, meetings),
            "declaration_page": declaration_page,
            "declaration_page_param": DECLARATION_PAGE_PARAM,
        },
    )


@login_not_required
@require_GET
def agenda_meeting(request, pk: int):
    """One public meeting: when, where, who hosts, agenda, topics; never contact data."""
    meeting = selectors.meeting_public_get(pk=pk)
    return render(
        request,
        "coordination/public/meeting.html",
        {"meeting": meeting, "time_range": meeting_time_range(meeting)},
    )


@login_not_required
@require_GET
def agenda_feed(request, city_code: str | None = None):
    """The iCalendar feed of the public agenda (last 12 months and everything ahead)."""
    city = selectors.public_city_get(code=city_code) if city_code else None
    host = request.get_host().split(":")[0]
    name = _("Public agenda") + (f" {city.label}" if city else "")
    declarations = selectors.declaration_public_feed(
        selectors.declaration_public_list(city_code=city_code)
    )
    agenda_url = request.build_absolute_uri(reverse("coordination:public_agenda"))
    body = agenda_calendar(
        name=f"{name} - Bawaslu",
        host=host,
        meetings=selectors.meeting_public_feed(city_code=city_code),
        meeting_url=lambda meeting: request.build_absolute_uri(
            reverse("coordination:public_meeting", args=[meeting.pk])
        ),
        declarations=declarations,
        declaration_url=lambda declaration: agenda_url,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    filename = f"agenda-{city.code}.ics" if city else "agenda.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response
