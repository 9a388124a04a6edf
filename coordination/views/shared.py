"""What the coordination views share: the record in scope with its permission check, the
list page with its filter form, the create and update views of a record kind, and a
file added from a record's page.

Seeing is the selectors' business (outside the scope: 404); doing is
``coordination.permissions`` (seen but not allowed: 403).
"""

from collections.abc import Callable
from functools import partial, wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from bawaslu_portal.pagination import paginate
from bawaslu_portal.prg import save_and_redirect


def record_in_scope(get: Callable, allowed: Callable | None = None):
    """Decorate the view of one record: the URL's ``pk`` becomes the record that
    ``get(user=…, pk=…)`` finds in the user's scope (none: 404), passed to the view after
    ``request``; with ``allowed``, a 403 unless ``allowed(user, record)``.

    The other URL arguments (an attachment's pk) go to the view as they are.
    """

    def decorator(view):
        @wraps(view)
        def view_of_record(request, pk: int, **kwargs):
            record = get(user=request.user, pk=pk)
            if allowed is not None and not allowed(request.user, record):
                raise PermissionDenied
            return view(request, record, **kwargs)

        return view_of_record

    return decorator


def list_view(
    template: str,
    *,
    select: Callable,
    can_create: Callable,
    filter_form: type | None = None,
    form_name: str = "form",
):
    """The view of a list page: the rows ``select`` reads for the user, paginated as
    ``page``, and ``can_create`` for the "new" button.

    With ``filter_form``, the GET form filters the rows; it is in the context as
    ``form_name`` (the campaign pages call it ``filter_form``).
    """

    @require_GET
    def view(request):
        context = {}
        if filter_form is None:
            rows = select(user=request.user)
        else:
            form = filter_form(request.GET or None, user=request.user)
            rows = select(user=request.user, filters=form.filters())
            context[form_name] = form
        return render(
            request,
            template,
            {**context, "page": paginate(request, rows), "can_create": can_create(request.user)},
        )

    return view


def create_and_update_views(
    form_view: Callable, *, get: Callable, can_create: Callable, can_edit: Callable
):
    """The "new" and "edit" views of a record kind, both on ``form_view(request, record)``.

    Creating needs ``can_create(user)``; editing needs ``can_edit(user, record)``
    on the record ``get`` finds in the user's scope (none: 404). Refused: 403.
    """

    @require_http_methods(["GET", "POST"])
    def create(request):
        if not can_create(request.user):
            raise PermissionDenied
        return form_view(request, None)

    @require_http_methods(["GET", "POST"])
    @record_in_scope(get, can_edit)
    def update(request, record):
        return form_view(request, record)

    return create, update


def save_upload(request, form, service: Callable, *, message: str, to, **record):
    """Add the file of a valid upload form (``file`` and ``kind``) to ``record`` through
    ``service``, then flash ``message`` and go to ``to`` (``save_and_redirect``).

    ``None`` when the form is invalid or the service refused the file (the error
    is then on the ``file`` field): the view shows the record's page again.
    """
    if not form.is_valid():
        return None
    save = partial(
        service,
        actor=request.user,
        **record,
        upload=form.cleaned_data["file"],
        kind=form.cleaned_data["kind"],
    )
    return save_and_redirect(request, form, save, message=message, to=to, error_field="file")
