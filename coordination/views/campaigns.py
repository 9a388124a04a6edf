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
    bind_with_rows,
    member_initial,
    signatory_initial,
    submitted_and_valid,
    target_initial,
)
from coordination.models import WorkingGroupRole
from coordination.views.shared import (
    create_and_update_views,
    list_view,
    record_in_scope,
    save_upload,
)

# Declarations ---------------------------------------------------------------------------------


declaration_list = list_view(
    "coordination/campaigns/declaration_list.html",
    filter_form=DeclarationFilterForm,
    select=selectors.declaration_list,
    can_create=permissions.can_create_campaign_records,
    form_name="filter_form",
)


def _render_declaration_detail(request, declaration, document_form, status=200):
    return render(
        request,
        "coordination/campaigns/declaration_detail.html",
        {
            "declaration": declaration,
            "document_form": document_form,
            "can_edit": permissions.can_edit_declaration(request.user, declaration),
        },
        status=status,
    )


@require_GET
@record_in_scope(selectors.declaration_get)
def declaration_detail(request, declaration):
    return _render_declaration_detail(request, declaration, DeclarationDocumentForm())


def _declaration_form_view(request, declaration):
    initial = None
    if declaration is None and request.GET.get("kampanye", "").isdigit():
        # "Add a declaration" from a campaign page preselects the campaign.
        initial = {"campaign": int(request.GET["kampanye"])}
    form, (signatories,) = bind_with_rows(
        request,
        DeclarationForm,
        [
            Rows(
                SignatoryFormSet,
                "signatories",
                initial=signatory_initial(declaration) if declaration else None,
                form_kwargs={"agencies": selectors.agency_choices(user=request.user)},
            )
        ],
        form_kwargs={"user": request.user},
        initial=DeclarationForm.initial_for(declaration) if declaration else initial,
    )
    if request.method == "POST" and submitted_and_valid(form, [signatories]):
        kwargs = {**form.service_kwargs(), "signatories": signatories.service_rows()}
        if declaration is None:
            save = partial(services.declaration_create, actor=request.user, **kwargs)
        else:
            save = partial(
                services.declaration_update, actor=request.user, declaration=declaration, **kwargs
            )
        if response := save_and_redirect(
            request, form, save, message=_("The declaration was saved.")
        ):
            return response
    return render(
        request,
        "coordination/campaigns/declaration_form.html",
        {
            "form": form,
            "signatory_formset": signatories,
            "formsets": [signatories],
            "declaration": declaration,
        },
    )


declaration_create, declaration_update = create_and_update_views(
    _declaration_form_view,
    get=selectors.declaration_get,
    can_create=permissions.can_create_campaign_records,
    can_edit=permissions.can_edit_declaration,
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


@require_POST
@record_in_scope(selectors.declaration_get, permissions.can_edit_declaration)
def declaration_document_add(request, declaration):
    form = DeclarationDocumentForm(request.POST, request.FILES)
    if response := save_upload(
        request,
        form,
        services.declaration_document_add,
        message=_("The file was added."),
        to=declaration,
        declaration=declaration,
    ):
        return response
    return _render_declaration_detail(request, declaration, form, status=400)


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


campaign_list = list_view(
    "coordination/campaigns/campaign_list.html",
    select=selectors.campaign_list,
    can_create=permissions.can_create_campaign_records,
)


@require_GET
@record_in_scope(selectors.campaign_get)
def campaign_detail(request, campaign):
    return render(
        request,
        "coordination/campaigns/campaign_detail.html",
        {
            "campaign": campaign,
            "overview": selectors.campaign_overview(campaign=campaign),
            "can_edit": permissions.can_edit_campaign(request.user, campaign),
        },
    )


def _campaign_form_view(request, campaign):
    initial = CampaignForm.initial_for(campaign) if campaign else None
    form = CampaignForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        if campaign is None:
            save = partial(services.campaign_create, actor=request.user, **form.cleaned_data)
        else:
            save = partial(
                services.campaign_update, actor=request.user, campaign=campaign, **form.cleaned_data
            )
        if response := save_and_redirect(request, form, save, message=_("The campaign was saved.")):
            return response
    return render(
        request,
        "coordination/campaigns/campaign_form.html",
        {"form": form, "campaign": campaign},
    )


campaign_create, campaign_update = create_and_update_views(
    _campaign_form_view,
    get=selectors.campaign_get,
    can_create=permissions.can_create_campaign_records,
    can_edit=permissions.can_edit_campaign,
)


# Kelurahan designations -----------------------------------------------------------------------


designation_list = list_view(
    "coordination/campaigns/designation_list.html",
    filter_form=DesignationFilterForm,
    select=selectors.designation_list,
    can_create=permissions.can_create_campaign_records,
    form_name="filter_form",
)


def _designation_form_view(request, designation):
    initial = DesignationForm.initial_for(designation) if designation else None
    form = DesignationForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        if designation is None:
            save = partial(services.designation_create, actor=request.user, **form.cleaned_data)
        else:
            save = partial(
                services.designation_update,
                actor=request.user,
                designation=designation,
                **form.cleaned_data,
            )
        if response := save_and_redirect(
            request,
            form,
            save,
            message=_("The designation was saved."),
            to="coordination:designation_list",
        ):
            return response
    return render(
        request,
        "coordination/campaigns/designation_form.html",
        {"form": form, "designation": designation},
    )


designation_create, designation_update = create_and_update_views(
    _designation_form_view,
    get=selectors.designation_get,
    can_create=permissions.can_create_campaign_records,
    can_edit=permissions.can_edit_designation,
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


@require_GET
def designation_coverage(request):
    form = CoverageFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    coverage = selectors.designation_coverage(
        user=request.user, kind=filters.get("kind"), city=filters.get("city")
    )
    city_chart = charts.horizontal_bar_chart(
        [_coverage_bar(row) for row in coverage.cities],
        chart_id="coverage-cities",
        title=_("Kelurahan coverage per city or regency"),
        description=_(
            "Percentage of kelurahan/desa with an active designation in each city or regency; "
            "the table below gives the same figures."
        ),
    )
    kecamatan_chart = charts.horizontal_bar_chart(
        [_coverage_bar(row) for row in coverage.kecamatan],
        chart_id="coverage-kecamatan",
        title=_("Kelurahan coverage per kecamatan"),
        description=_(
            "Percentage of kelurahan/desa with an active designation in each kecamatan; "
            "the table below gives the same figures."
        ),
    )
    return render(
        request,
        "coordination/campaigns/designation_coverage.html",
        {
            "filter_form": form,
            "coverage": coverage,
            "city_chart": city_chart,
            "kecamatan_chart": kecamatan_chart,
        },
    )


# Programs -------------------------------------------------------------------------------------


@require_GET
def program_list(request):
    form = ProgramFilterForm(request.GET or None, user=request.user)
    region = form.cleaned_data.get("region") if form.is_valid() else None
    page = paginate(request, selectors.program_list(user=request.user, region=region))
    progress = selectors.program_progress(programs=list(page.object_list))
    rows = [(program, progress[program.pk]) for program in page.object_list]
    return render(
        request,
        "coordination/campaigns/program_list.html",
        {
            "filter_form": form,
            "page": page,
            "rows": rows,
            "can_create": permissions.can_create_campaign_records(request.user),
        },
    )


@require_GET
@record_in_scope(selectors.program_get)
def program_detail(request, program):
    progress = selectors.program_progress(programs=[program])[program.pk]
    return render(
        request,
        "coordination/campaigns/program_detail.html",
        {
            "program": program,
            "progress": progress,
            "can_edit": permissions.can_edit_program(request.user, program),
        },
    )


def _program_form_view(request, program):
    form, (targets,) = bind_with_rows(
        request,
        ProgramForm,
        [
            Rows(
                TargetFormSet,
                "targets",
                initial=target_initial(program) if program else None,
                form_kwargs={"regions": selectors.region_filter_choices(user=request.user)},
            )
        ],
        form_kwargs={"user": request.user},
        initial=ProgramForm.initial_for(program) if program else None,
    )
    if request.method == "POST" and submitted_and_valid(form, [targets]):
        kwargs = {**form.cleaned_data, "targets": targets.service_rows()}
        if program is None:
            save = partial(services.program_create, actor=request.user, **kwargs)
        else:
            save = partial(services.program_update, actor=request.user, program=program, **kwargs)
        if response := save_and_redirect(request, form, save, message=_("The program was saved.")):
            return response
    return render(
        request,
        "coordination/campaigns/program_form.html",
        {"form": form, "target_formset": targets, "formsets": [targets], "program": program},
    )


program_create, program_update = create_and_update_views(
    _program_form_view,
    get=selectors.program_get,
    can_create=permissions.can_create_campaign_records,
    can_edit=permissions.can_edit_program,
)


def _meeting_link_view(request, *, record, meetings, save, template, context_name):
    form = MeetingLinkForm(
        request.POST or None,
        meetings=meetings,
        initial={"meetings": [meeting.pk for meeting in record.meetings.all()]},
    )
    if request.method == "POST" and form.is_valid():
        chosen = list(form.cleaned_data["meetings"])
        if response := save_and_redirect(
            request,
            form,
            partial(save, chosen),
            message=_("The linked meetings were saved."),
            to=record,
        ):
            return response
    return render(request, template, {"form": form, context_name: record})


@require_http_methods(["GET", "POST"])
@record_in_scope(selectors.program_get, permissions.can_edit_program)
def program_meetings(request, program):
    """Choose the meetings that count towards the program's targets."""
    meetings = selectors.meeting_link_choices(
        user=request.user,
        region=program.region,
        start=program.period_start,
        end=program.period_end,
        include=[meeting.pk for meeting in program.meetings.all()],
    )
    return _meeting_link_view(
        request,
        record=program,
        meetings=meetings,
        save=lambda chosen: services.program_set_meetings(
            actor=request.user, program=program, meetings=chosen
        ),
        template="coordination/campaigns/program_meetings.html",
        context_name="program",
    )


# Working groups -------------------------------------------------------------------------------


working_group_list = list_view(
    "coordination/campaigns/working_group_list.html",
    select=selectors.working_group_list,
    can_create=permissions.can_create_campaign_records,
)


@require_GET
@record_in_scope(selectors.working_group_get)
def working_group_detail(request, group):
    return render(
        request,
        "coordination/campaigns/working_group_detail.html",
        {"group": group, "can_edit": permissions.can_edit_working_group(request.user, group)},
    )


def _working_group_form_view(request, group):
    form, (members,) = bind_with_rows(
        request,
        WorkingGroupForm,
        [
            Rows(
                MemberFormSet,
                "members",
                initial=member_initial(group) if group else None,
                form_kwargs={"agencies": selectors.agency_choices(user=request.user)},
                new_row={"role": WorkingGroupRole.ANGGOTA},
            )
        ],
        form_kwargs={"user": request.user},
        initial=WorkingGroupForm.initial_for(group) if group else None,
    )
    if request.method == "POST" and submitted_and_valid(form, [members]):
        kwargs = {**form.cleaned_data, "members": members.service_rows()}
        if group is None:
            save = partial(services.working_group_create, actor=request.user, **kwargs)
        else:
            save = partial(services.working_group_update, actor=request.user, group=group, **kwargs)
        if response := save_and_redirect(request, form, save, message=_("The pokja was saved.")):
            return response
    return render(
        request,
        "coordination/campaigns/working_group_form.html",
        {"form": form, "member_formset": members, "formsets": [members], "group": group},
    )


working_group_create, working_group_update = create_and_update_views(
    _working_group_form_view,
    get=selectors.working_group_get,
    can_create=permissions.can_create_campaign_records,
    can_edit=permissions.can_edit_working_group,
)


@require_http_methods(["GET", "POST"])
@record_in_scope(selectors.working_group_get, permissions.can_edit_working_group)
def working_group_meetings(request, group):
    """Choose the meetings of the pokja (where it was formed, its sessions)."""
    meetings = selectors.meeting_link_choices(
        user=request.user,
        region=group.region,
        include=[meeting.pk for meeting in group.meetings.all()],
    )
    return _meeting_link_view(
        request,
        record=group,
        meetings=meetings,
        save=lambda chosen: services.working_group_set_meetings(
            actor=request.user, group=group, meetings=chosen
        ),
        template="coordination/campaigns/working_group_meetings.html",
        context_name="group",
    )
