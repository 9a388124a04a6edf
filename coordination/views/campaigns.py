"""Campaign pages: declarations (and city-wide campaigns), kelurahan designations with
coverage, programs with targets and progress, working groups (pokja).

Views are thin: permission → form → service → message → redirect. Seeing is
``coordination.selectors.campaigns`` (outside the scope: 404); doing is
``coordination.permissions.campaigns`` (seen but not allowed: 403).
"""

from functools import partial

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bawaslu_portal.pagination import paginate
from bawaslu_portal.prg import save_and_redirect
from bawaslu_portal.uploads import uploaded_file_response
from coordination import charts, permissions, selectors, services
from coordination.forms import (
    CampaignForm,
    CoverageFilterForm,
    DeclarationDocumentForm,
    DeclarationFilterForm,
    DeclarationForm,
    DesignationFilterForm,
    DesignationForm,
    DesignationRevokeForm,
    MeetingLinkForm,
    MemberFormSet,
    ProgramFilterForm,
    ProgramForm,
    Rows,
    SignatoryFormSet,
    TargetFormSet,
    WorkingGroupForm,
    member_initial,
    signatory_initial,
    target_initial,
)
from coordination.models import WorkingGroupRole
from coordination.views.shared import (
    FormPage,
    RecordKind,
    detail_view,
    form_views,
    list_view,
    person_rows,
    record_in_scope,
    render_detail,
    show_newer_version,
    upload_view,
)


def _kind(name: str, get, can_edit, stem: str = "") -> RecordKind:
    """A record kind of the section: its templates in ``coordination/campaigns/``; whoever
    may create one of the section's records may create them all."""
    return RecordKind(
        name,
        get,
        can_edit,
        can_create=permissions.can_create_campaign_records,
        folder="coordination/campaigns",
        stem=stem,
    )


# Declarations ---------------------------------------------------------------------------------

DECLARATION = _kind("declaration", selectors.declaration_get, permissions.can_edit_declaration)

declaration_list = list_view(
    DECLARATION,
    selectors.declaration_list,
    filter_form=DeclarationFilterForm,
)


def _render_declaration_detail(request, declaration, document_form, status=200):
    return render_detail(
        request, DECLARATION, declaration, document_form=document_form, status=status
    )


@require_GET
@record_in_scope(selectors.declaration_get)
def declaration_detail(request, declaration):
    return _render_declaration_detail(request, declaration, DeclarationDocumentForm())


def _campaign_initial(request) -> dict | None:
    """A declaration added from a campaign page (``?kampanye=<pk>``) starts with that campaign."""
    if request.GET.get("kampanye", "").isdigit():
        return {"campaign": int(request.GET["kampanye"])}
    return None


def _signatory_rows(request, declaration) -> dict:
    initial = signatory_initial(declaration) if declaration else None
    return {"signatory_formset": person_rows(request, SignatoryFormSet, "signatories", initial)}


declaration_create, declaration_update = form_views(
    DECLARATION,
    FormPage(
        form=DeclarationForm,
        create=services.declaration_create,
        update=services.declaration_update,
        saved=gettext_lazy("The declaration was saved."),
        rows=_signatory_rows,
        values=DeclarationForm.service_kwargs,
        new_initial=_campaign_initial,
    ),
)


@require_http_methods(["GET", "POST"])
@record_in_scope(selectors.declaration_get, permissions.can_edit_declaration)
def declaration_delete(request, declaration):
    """GET: a confirmation page; POST: delete the declaration with its documents."""
    if request.method == "POST":
        services.declaration_delete(actor=request.user, declaration=declaration)
        messages.success(request, _("The declaration was deleted."))
        return redirect("coordination:declaration_list")
    return render(
        request,
        "coordination/campaigns/declaration_confirm_delete.html",
        {"declaration": declaration},
    )


declaration_document_add = upload_view(
    DECLARATION,
    DeclarationDocumentForm,
    services.declaration_document_add,
    message=gettext_lazy("The file was added."),
    page=_render_declaration_detail,
    status=400,
)


@require_GET
@record_in_scope(selectors.declaration_get)
def declaration_document_download(request, declaration, document_pk: int):
    """Only someone who may see the declaration gets its files."""
    document = selectors.declaration_document_get(declaration=declaration, pk=document_pk)
    return uploaded_file_response(request, document)


@require_POST
@record_in_scope(selectors.declaration_get, permissions.can_edit_declaration)
def declaration_document_delete(request, declaration, document_pk: int):
    document = selectors.declaration_document_get(declaration=declaration, pk=document_pk)
    services.declaration_document_delete(actor=request.user, document=document)
    messages.success(request, _("The file was deleted."))
    return redirect(declaration)


# Campaigns ------------------------------------------------------------------------------------

CAMPAIGN = _kind("campaign", selectors.campaign_get, permissions.can_edit_campaign)

campaign_list = list_view(CAMPAIGN, selectors.campaign_list)


@require_GET
@record_in_scope(selectors.campaign_get)
def campaign_detail(request, campaign):
    overview = selectors.campaign_overview(user=request.user, campaign=campaign)
    return render_detail(request, CAMPAIGN, campaign, overview=overview)


campaign_create, campaign_update = form_views(
    CAMPAIGN,
    FormPage(
        form=CampaignForm,
        create=services.campaign_create,
        update=services.campaign_update,
        saved=gettext_lazy("The campaign was saved."),
    ),
)


# Kelurahan designations -----------------------------------------------------------------------

DESIGNATION = _kind("designation", selectors.designation_get, permissions.can_edit_designation)

designation_list = list_view(
    DESIGNATION,
    selectors.designation_list,
    filter_form=DesignationFilterForm,
)

designation_create, designation_update = form_views(
    DESIGNATION,
    FormPage(
        form=DesignationForm,
        create=services.designation_create,
        update=services.designation_update,
        saved=gettext_lazy("The designation was saved."),
        to="coordination:designation_list",
    ),
)


@require_http_methods(["GET", "POST"])
@record_in_scope(selectors.designation_get, permissions.can_edit_designation)
def designation_revoke(request, designation):
    form = DesignationRevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        save = partial(
            services.designation_revoke,
            actor=request.user,
            designation=designation,
            **form.cleaned_data,
        )
        if response := save_and_redirect(
            request,
            form,
            save,
            message=_("The designation was revoked."),
            to="coordination:designation_list",
        ):
            return response
    return render(
        request,
        "coordination/campaigns/designation_revoke.html",
        {"form": form, "designation": designation},
    )


def _coverage_bar(row) -> charts.Bar:
    percent = formats.number_format(row.percent, decimal_pos=1)
    return charts.Bar(row.region.name, row.percent, f"{row.designated}/{row.total} ({percent}%)")


def _coverage_chart(rows, chart_id: str, title: str, description: str):
    """A bar chart of the coverage ``rows`` of one level (cities, kecamatan)."""
    return charts.horizontal_bar_chart(
        [_coverage_bar(row) for row in rows],
        chart_id=chart_id,
        title=title,
        description=description,
    )


@require_GET
def designation_coverage(request):
    form = CoverageFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    coverage = selectors.designation_coverage(
        user=request.user, kind=filters.get("kind"), city=filters.get("city")
    )
    return render(
        request,
        "coordination/campaigns/designation_coverage.html",
        {
            "form": form,
            "coverage": coverage,
            "city_chart": _coverage_chart(
                coverage.cities,
                "coverage-cities",
                _("Kelurahan coverage per city or regency"),
                _(
                    "Percentage of kelurahan/desa with an active designation in each city or "
                    "regency; the table below gives the same figures."
                ),
            ),
            "kecamatan_chart": _coverage_chart(
                coverage.kecamatan,
                "coverage-kecamatan",
                _("Kelurahan coverage per kecamatan"),
                _(
                    "Percentage of kelurahan/desa with an active designation in each kecamatan; "
                    "the table below gives the same figures."
                ),
            ),
        },
    )


def _meeting_link_view(kind: RecordKind, service, period=lambda record: {}):
    """The page choosing a record's meetings (checkboxes) among those of its region (and
    ``period(record)``, the ``start`` and ``end`` they fall in), saved through
    ``service(actor=…, <record>=…, meetings=…)``; then back to the record."""

    @require_http_methods(["GET", "POST"])
    @record_in_scope(kind.get, kind.can_edit)
    def view(request, record):
        linked = [meeting.pk for meeting in record.meetings.all()]
        meetings = selectors.meeting_link_choices(
            user=request.user, region=record.region, include=linked, **period(record)
        )
        form = MeetingLinkForm(
            request.POST or None,
            meetings=meetings,
            initial={"meetings": linked, "version": record.version},
        )
        if request.method == "POST" and form.is_valid():
            save = partial(
                service,
                actor=request.user,
                **{kind.name: record},
                meetings=list(form.cleaned_data["meetings"]),
                expected_version=form.cleaned_data["version"],
            )
            if response := save_and_redirect(
                request, form, save, message=_("The linked meetings were saved."), to=record
            ):
                return response
            show_newer_version(form, record)
        return render(request, kind.template("meetings"), {"form": form, kind.name: record})

    return view


# Programs -------------------------------------------------------------------------------------

PROGRAM = _kind("program", selectors.program_get, permissions.can_edit_program)


@require_GET
def program_list(request):
    form = ProgramFilterForm(request.GET or None, user=request.user)
    region = form.cleaned_data.get("region") if form.is_valid() else None
    page = paginate(request, selectors.program_list(user=request.user, region=region))
    progress = selectors.program_progress(programs=list(page.object_list))
    rows = [(program, progress[program.pk]) for program in page.object_list]
    return render(
        request,
        PROGRAM.template("list"),
        {
            "form": form,
            "page": page,
            "rows": rows,
            "can_create": PROGRAM.can_create(request.user),
        },
    )


program_detail = detail_view(
    PROGRAM,
    lambda program: {"progress": selectors.program_progress(programs=[program])[program.pk]},
)


def _target_rows(request, program) -> dict:
    return {
        "target_formset": Rows(
            TargetFormSet,
            "targets",
            initial=target_initial(program) if program else None,
            form_kwargs={"regions": selectors.region_filter_choices(user=request.user)},
        )
    }


program_create, program_update = form_views(
    PROGRAM,
    FormPage(
        form=ProgramForm,
        create=services.program_create,
        update=services.program_update,
        saved=gettext_lazy("The program was saved."),
        rows=_target_rows,
    ),
)

#: Choose the meetings that count towards the program's targets.
program_meetings = _meeting_link_view(
    PROGRAM,
    services.program_set_meetings,
    lambda program: {"start": program.period_start, "end": program.period_end},
)


# Working groups -------------------------------------------------------------------------------

WORKING_GROUP = _kind(
    "group", selectors.working_group_get, permissions.can_edit_working_group, "working_group"
)

working_group_list = list_view(WORKING_GROUP, selectors.working_group_list)

working_group_detail = detail_view(WORKING_GROUP)


def _member_rows(request, group) -> dict:
    initial = member_initial(group) if group else None
    members = person_rows(
        request, MemberFormSet, "members", initial, new_row={"role": WorkingGroupRole.ANGGOTA}
    )
    return {"member_formset": members}


working_group_create, working_group_update = form_views(
    WORKING_GROUP,
    FormPage(
        form=WorkingGroupForm,
        create=services.working_group_create,
        update=services.working_group_update,
        saved=gettext_lazy("The pokja was saved."),
        rows=_member_rows,
    ),
)

#: Choose the meetings of the pokja (where it was formed, its sessions).
working_group_meetings = _meeting_link_view(WORKING_GROUP, services.working_group_set_meetings)
