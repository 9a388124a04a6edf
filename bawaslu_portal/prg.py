"""The last step that the portal's Post/Redirect/Get views share: service → message → redirect.

A form view checks the permission, binds and validates its form, then hands
the service call to :func:`save_and_redirect`::

    if request.method == "POST" and form.is_valid():
        response = save_and_redirect(
            request, form, lambda: services.campaign_create(actor=request.user, **data),
            message=_("The campaign was saved."),
        )
        if response:
            return response
    return render(request, "…_form.html", {"form": form})
"""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect

from bawaslu_portal.forms import add_service_error


def save_and_redirect(
    request,
    form,
    save: Callable[[], object],
    *,
    message: str,
    to=None,
    error_field: str | None = None,
) -> HttpResponseRedirect | None:
    """Call the service through ``save()``; on success flash ``message`` and redirect.

    ``to`` is where to go (a model instance, URL name or path, as for
    ``redirect``); without it, the object ``save()`` returned. A service
    ``ValidationError`` goes back onto ``form`` (on ``error_field`` when given,
    otherwise where :func:`add_service_error` puts it) and the result is
    ``None``, so the view renders the form again with the error.
    """
    try:
        saved = save()
    except ValidationError as error:
        if error_field:
            form.add_error(error_field, error)
        else:
            add_service_error(form, error)
        return None
    messages.success(request, message)
    return redirect(to if to is not None else saved)
