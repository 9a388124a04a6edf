"""What the coordination views share: the kind of record a page is about, the record in
scope with its permission check, the list, detail and create/edit pages of a record kind,
the person rows of its form, and a file added from a record's page.

Seeing is the selectors' business (outside the scope: 404); doing is
``coordination.permissions`` (seen but not allowed: 403).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial, wraps

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bawaslu_portal.pagination import paginate
from bawaslu_portal.prg import save_and_redirect
from coordination import selectors
from coordination.forms import Rows, bind_with_rows, submitted_and_valid


@dataclass(frozen=True)
class RecordKind:
    """One kind of record (a meeting, a declaration, a pokja …) as its pages see it."""

    #: The record in its templates' context, and the keyword its services take it by
    #: (update, add a file, link meetings).
    name: str
    #: One record in the user's scope, ``get(user=…, pk=…)`` (none: 404).
    get: Callable
    #: ``can_edit(user, record)``: its edit page and the buttons of its page.
    can_edit: Callable
    #: ``can_create(user)``: its "new" page and button.
    can_create: Callable
    #: The folder of its templates (``<folder>/<stem>_list.html``, ``_detail.html`` …).
    folder: str = "coordination"
    #: The start of its template and URL names (``coordination:<stem>_update``); by
    #: default ``name``.
    stem: str = ""

    def template(self, page: str) -> str:
        return f"{self.folder}/{self.stem or self.name}_{page}.html"

    @property
    def urls(self) -> dict[str, str]:
        """Its URL names by page, for its templates: ``{% url kind.urls.update record.pk %}``."""
        stem = self.stem or self.name
        return {page: f"coordination:{stem}_{page}" for page in ("list", "update", "meetings")}


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


def list_view(kind: RecordKind, select: Callable, *, filter_form: type | None = None):
    """The view of a kind's list page: the rows ``select`` reads for the user, paginated
    as ``page``, and the kind's ``can_create`` for the "new" button.

    With ``filter_form``, the GET form filters the rows; it is in the context as ``form``,
    the name every list page gives its filters.
    """

    @require_GET
    def view(request):
        context = {}
        if filter_form is None:
            rows = select(user=request.user)
        else:
            form = filter_form(request.GET or None, user=request.user)
            rows = select(user=request.user, filters=form.filters())
            context["form"] = form
        return render(
            request,
            kind.template("list"),
            {
                **context,
                "page": paginate(request, rows),
                "can_create": kind.can_create(request.user),
            },
        )

    return view


def render_detail(request, kind: RecordKind, record, *, status: int = 200, **context):
    """The record's page: the ``kind``, the ``record`` (also under the kind's name),
    ``can_edit`` for its buttons and ``context``."""
    return render(
        request,
        kind.template("detail"),
        {
            "kind": kind,
            "record": record,
            kind.name: record,
            "can_edit": kind.can_edit(request.user, record),
            **context,
        },
        status=status,
    )


def detail_view(kind: RecordKind, context: Callable = lambda record: {}):
    """The view of a record's page, with what ``context(record)`` adds."""

    @require_GET
    @record_in_scope(kind.get)
    def view(request, record):
        return render_detail(request, kind, record, **context(record))

    return view


def create_and_update_views(kind: RecordKind, form_view: Callable, *, get: Callable | None = None):
    """The "new" and "edit" views of a record kind, both on ``form_view(request, record)``.

    Creating needs the kind's ``can_create(user)``; editing its ``can_edit(user, record)``
    on the record ``get`` (by default the kind's) finds in the user's scope (none: 404).
    Refused: 403.
    """

    @require_http_methods(["GET", "POST"])
    def create(request):
        if not kind.can_create(request.user):
            raise PermissionDenied
        return form_view(request, None)

    @require_http_methods(["GET", "POST"])
    @record_in_scope(get or kind.get, kind.can_edit)
    def update(request, record):
        return form_view(request, record)

    return create, update


@dataclass(frozen=True)
class FormPage:
    """The create/edit form page of a record kind, saved through its services.

    ``rows(request, record)`` gives the page's row formsets by their name in the
    template's context (``{"member_formset": Rows(…)}``); each formset's rows go to the
    services under the formset's prefix. ``values(form)`` are the form's own keywords
    (by default its cleaned data, without ``version``). A new record's form starts from
    ``new_initial(request)``. The form's hidden ``version`` (``version_field``) goes to
    ``update`` as ``expected_version`` (see :func:`show_newer_version`). After saving:
    ``saved`` flashed, then to ``to`` (by default the saved record).
    """

    form: type
    create: Callable
    update: Callable
    saved: str
    rows: Callable | None = None
    values: Callable = lambda form: form.cleaned_data
    new_initial: Callable = lambda request: None
    to: str | None = None


def show_newer_version(form, record) -> None:
    """After ``record``'s save was refused as ``stale_version`` (the error already on
    ``form``): the form's hidden ``version`` becomes the stored one, so that saving again,
    once the user has checked their input (still in the form) against the newer version,
    goes through. Otherwise nothing changes."""
    if record is None or not form.has_error(NON_FIELD_ERRORS, "stale_version"):
        return
    record.refresh_from_db(fields=["version"])
    form.data = form.data.copy()
    form.data["version"] = str(record.version)


def form_views(kind: RecordKind, page: FormPage):
    """The "new" and "edit" views of a record kind (``create_and_update_views``) on its
    form page (``kind.template("form")``). An edit based on an older version of the record
    is refused with the error on the form and the user's input kept
    (:func:`show_newer_version`)."""

    def form_view(request, record):
        form_class = page.form
        initial = form_class.initial_for(record) if record else page.new_initial(request)
        if page.rows is None:
            form = form_class(request.POST or None, user=request.user, initial=initial)
            formsets = {}
            submitted = request.method == "POST" and form.is_valid()
        else:
            rows = page.rows(request, record)
            form, bound = bind_with_rows(
                request,
                form_class,
                list(rows.values()),
                form_kwargs={"user": request.user},
                initial=initial,
            )
            formsets = dict(zip(rows, bound, strict=True))
            submitted = request.method == "POST" and submitted_and_valid(form, bound)
        if submitted:
            kwargs = {
                **{name: value for name, value in page.values(form).items() if name != "version"},
                **{formset.prefix: formset.service_rows() for formset in formsets.values()},
            }
            if record is None:
                save = partial(page.create, actor=request.user, **kwargs)
            else:
                save = partial(
                    page.update,
                    actor=request.user,
                    **{kind.name: record},
                    expected_version=form.cleaned_data.get("version"),
                    **kwargs,
                )
            if response := save_and_redirect(
                request, form, save, message=str(page.saved), to=page.to
            ):
                return response
            show_newer_version(form, record)
        return render(
            request,
            kind.template("form"),
            {
                "form": form,
                **formsets,
                "formsets": list(formsets.values()),
                "kind": kind,
                "record": record,
                kind.name: record,
            },
        )

    return create_and_update_views(kind, form_view)


def person_rows(request, formset_class: type, prefix: str, initial, **kwargs) -> Rows:
    """The rows of people of a form (attendees, signatories, members): each with an agency
    from those the user may choose; ``initial`` are the rows of the record being edited."""
    return Rows(
        formset_class,
        prefix,
        initial=initial,
        form_kwargs={"agencies": selectors.agency_choices(user=request.user)},
        **kwargs,
    )


def upload_view(
    kind: RecordKind,
    form_class: type,
    service: Callable,
    *,
    message: str,
    page: Callable,
    status: int = 200,
    allowed: Callable | None = None,
):
    """The POST view that adds the file of ``form_class`` (``file`` and ``kind``) to a
    record through ``service(actor=…, <kind.name>=record, upload=…, kind=…)``, for whoever
    ``allowed(user, record)`` (by default: may edit it); then ``message`` and back to the
    record's page. An invalid form, or a file the service refused (the error then on the
    ``file`` field), shows the page again: ``page(request, record, form, status=status)``.
    """

    @require_POST
    @record_in_scope(kind.get, allowed or kind.can_edit)
    def view(request, record):
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            save = partial(
                service,
                actor=request.user,
                **{kind.name: record},
                upload=form.cleaned_data["file"],
                kind=form.cleaned_data["kind"],
            )
            if response := save_and_redirect(
                request, form, save, message=str(message), to=record, error_field="file"
            ):
                return response
        return page(request, record, form, status=status)

    return view
