"""Campaign pages through the test client: scoping, permissions, forms, SVG, query counts."""

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from bawaslu_portal.models import Region
from coordination.models import (
    Declaration,
    DesignationKind,
    DesignationStatus,
    KelurahanDesignation,
    MeetingStatus,
    Program,
    ProgramLevel,
    WorkingGroup,
)
from tests.factories import MeetingFactory
from tests.factories.campaigns import (
    DeclarationCampaignFactory,
    DeclarationFactory,
    DeclarationSignatoryFactory,
    KelurahanDesignationFactory,
    ProgramFactory,
    ProgramTargetFactory,
    WorkingGroupFactory,
    WorkingGroupMemberFactory,
)
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db


def _declaration_post(organiser, **overrides):
    data = {
        "kind": "netralitas_asn",
        "title": "Deklarasi Netralitas ASN Kecamatan Tugu",
        "date": "2023-09-05",
        "region": "33.74.16",
        "place": "Kantor Kecamatan Tugu",
        "organiser": str(organiser.pk),
        "participant_count": "120",
        "document_kind": "naskah",
        "signatories-TOTAL_FORMS": "2",
        "signatories-INITIAL_FORMS": "0",
        "signatories-0-name": "Camat Tugu",
        "signatories-0-position_title": "Camat",
        "signatories-1-name": "",
        "save": "1",
    }
    data.update(overrides)
    return data


# Declarations ---------------------------------------------------------------------------------


def test_staff_records_a_declaration(client_for, semarang_staff, bawaslu_semarang):
    """A Bawaslu official files a declaration with a signatory in one POST."""
    client = client_for(semarang_staff)
    response = client.post(
        reverse("coordination:declaration_create"), _declaration_post(bawaslu_semarang)
    )
    declaration = Declaration.objects.get()
    assert response.status_code == 302
    assert response.url == declaration.get_absolute_url()
    assert declaration.participant_count == 120
    assert [s.person.name for s in declaration.signatories.all()] == ["Camat Tugu"]
    page = client.get(declaration.get_absolute_url())
    assert "Camat Tugu" in page.content.decode()


def test_declaration_form_errors_are_specific(client_for, semarang_staff, bawaslu_semarang):
    """Missing title and date, a negative count, another city: specific errors."""
    client = client_for(semarang_staff)
    response = client.post(
        reverse("coordination:declaration_create"),
        _declaration_post(
            bawaslu_semarang, title="", date="", participant_count="-5", region="36.73.01"
        ),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["title"] == [_("Enter the title of the declaration")]
    assert form.errors["date"] == [_("Enter the date of the declaration")]
    assert form.errors["participant_count"] == [_("The number of participants cannot be negative")]
    assert form.errors["region"] == [_("Choose a region in your jurisdiction")]
    assert not Declaration.objects.exists()
    assert f"<title>{_('Error:')}" in response.content.decode()


def test_declaration_disguised_upload_is_refused(client_for, semarang_staff, bawaslu_semarang):
    """An HTML file called .jpg is refused on the form, and nothing is saved."""
    client = client_for(semarang_staff)
    upload = SimpleUploadedFile("foto.jpg", b"<html><body>not a photo</body></html>")
    response = client.post(
        reverse("coordination:declaration_create"),
        {**_declaration_post(bawaslu_semarang), "document": upload},
    )
    assert response.status_code == 200
    assert "document" in response.context["form"].errors
    assert not Declaration.objects.exists()


def test_culmination_without_campaign_is_a_form_error(client_for, semarang_staff, bawaslu_semarang):
    """Ticking "culminating" without a campaign asks for the campaign."""
    client = client_for(semarang_staff)
    response = client.post(
        reverse("coordination:declaration_create"),
        _declaration_post(bawaslu_semarang, is_culmination="on"),
    )
    assert "campaign" in response.context["form"].errors


def test_another_city_declaration_is_404(client_for, serang_staff, regions):
    """A Serang official gets a 404 for a Semarang declaration, its edit page and files."""
    declaration = DeclarationFactory()
    client = client_for(serang_staff)
    for name in ("declaration_detail", "declaration_update", "declaration_delete"):
        assert client.get(reverse(f"coordination:{name}", args=[declaration.pk])).status_code == 404


def test_partner_reads_but_cannot_edit(client_for, semarang_partner, pemkot_semarang):
    """A partner sees their agency's declaration (200) but editing it is a 403."""
    declaration = DeclarationFactory(organiser=pemkot_semarang)
    client = client_for(semarang_partner)
    assert client.get(declaration.get_absolute_url()).status_code == 200
    assert (
        client.get(reverse("coordination:declaration_update", args=[declaration.pk])).status_code
        == 403
    )
    assert (
        client.post(reverse("coordination:declaration_delete", args=[declaration.pk])).status_code
        == 403
    )
    assert client.get(reverse("coordination:declaration_create")).status_code == 403
    other = DeclarationFactory()
    assert client.get(other.get_absolute_url()).status_code == 404


def test_delete_asks_then_deletes(client_for, semarang_staff, regions):
    """GET shows a confirmation; POST deletes and goes back to the list."""
    declaration = DeclarationFactory()
    client = client_for(semarang_staff)
    url = reverse("coordination:declaration_delete", args=[declaration.pk])
    assert _("Delete declaration") in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert not Declaration.objects.exists()


def test_document_download_is_permission_checked(
    client_for, semarang_staff, serang_staff, settings, tmp_path
):
    """The uploader's colleagues download the file as an attachment; another city gets 404."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    declaration = DeclarationFactory()
    client = client_for(semarang_staff)
    pdf = SimpleUploadedFile("naskah.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    response = client.post(
        reverse("coordination:declaration_document_add", args=[declaration.pk]),
        {"kind": "naskah", "file": pdf},
    )
    assert response.status_code == 302
    document = declaration.documents.get()
    url = reverse("coordination:declaration_document_download", args=[declaration.pk, document.pk])
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert client_for(serang_staff).get(url).status_code == 404


# Campaigns ------------------------------------------------------------------------------------


def test_campaign_page_shows_held_and_not_held(client_for, semarang_staff, regions):
    """The campaign page lists all 16 kecamatan, marks the held one and the culmination."""
    campaign = DeclarationCampaignFactory(name="Deklarasi Netralitas ASN Kota Semarang")
    DeclarationFactory(
        campaign=campaign, region_id="33.74.01", place="Kantor Kecamatan Semarang Tengah"
    )
    DeclarationFactory(
        campaign=campaign, region_id="33.74", is_culmination=True, place="Balaikota Semarang"
    )
    response = client_for(semarang_staff).get(campaign.get_absolute_url())
    content = response.content.decode()
    overview = response.context["overview"]
    assert len(overview.rows) == 16 and overview.held_count == 1
    assert "Kantor Kecamatan Semarang Tengah" in content
    assert "Balaikota Semarang" in content
    assert content.count(f">{_('Not held')}<") == 15


def test_partner_campaign_page_links_only_the_declarations_it_may_open(
    client_for, semarang_partner, pemkot_semarang, bawaslu_semarang, regions
):
    """The coverage counts every declaration, but a partner's page links only those its
    agency organised or signed: the others stand as text (their pages would be 404).
    The same number of queries with 1 and with 6 declarations it may not open."""
    client = client_for(semarang_partner)
    campaign = DeclarationCampaignFactory()
    own = DeclarationFactory(campaign=campaign, organiser=pemkot_semarang, region_id="33.74.01")
    _make_declarations(1, campaign, bawaslu_semarang)
    small = _queries(client, campaign.get_absolute_url())
    _make_declarations(6, campaign, bawaslu_semarang)
    response = client.get(campaign.get_absolute_url())
    content = response.content.decode()
    assert response.context["overview"].held_count == 6
    assert f'href="{own.get_absolute_url()}"' in content
    for declaration in campaign.declarations.exclude(pk=own.pk):
        assert f'href="{declaration.get_absolute_url()}"' not in content
        assert client.get(declaration.get_absolute_url()).status_code == 404
    assert _queries(client, campaign.get_absolute_url()) == small


# Designations ---------------------------------------------------------------------------------


def test_designation_on_a_kecamatan_is_a_form_error(client_for, semarang_staff):
    """Choosing a kecamatan (not a kelurahan) gets a specific error."""
    kind = DesignationKind.objects.get(name="Kelurahan Pengawasan")
    response = client_for(semarang_staff).post(
        reverse("coordination:designation_create"),
        {"kind": kind.pk, "kelurahan": "33.74.01", "date": "2023-08-17", "status": "aktif"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["kelurahan"] == [
        _("Choose a kelurahan or desa in your jurisdiction (not a kecamatan or a city)")
    ]
    assert not KelurahanDesignation.objects.exists()


def test_designation_create_and_revoke(client_for, semarang_staff):
    """Staff designate a kelurahan, then revoke it with a date and reason."""
    client = client_for(semarang_staff)
    kind = DesignationKind.objects.get(name="Kelurahan Anti Politik Uang")
    response = client.post(
        reverse("coordination:designation_create"),
        {"kind": kind.pk, "kelurahan": "33.74.01.1001", "date": "2023-08-17", "status": "aktif"},
    )
    assert response.status_code == 302
    designation = KelurahanDesignation.objects.get()
    response = client.post(
        reverse("coordination:designation_revoke", args=[designation.pk]),
        {"date": "2024-01-10", "reason": "Dicabut"},
    )
    assert response.status_code == 302
    designation.refresh_from_db()
    assert designation.status == DesignationStatus.DICABUT
    revoke_url = reverse("coordination:designation_revoke", args=[designation.pk])
    html = client.get(reverse("coordination:designation_list")).content.decode()
    assert revoke_url not in html  # a revoked designation offers no second revocation


def test_partner_cannot_revoke(client_for, semarang_partner):
    """A partner sees designations of their city but revoking is a 403."""
    designation = KelurahanDesignationFactory()
    client = client_for(semarang_partner)
    assert client.get(reverse("coordination:designation_list")).status_code == 200
    url = reverse("coordination:designation_revoke", args=[designation.pk])
    assert client.post(url, {"date": "2024-01-10", "reason": "x"}).status_code == 403


def test_coverage_page_has_table_and_accessible_svg(client_for, semarang_staff):
    """The coverage page shows 10/177 in the table and an SVG with role, title and desc."""
    codes = Region.objects.filter(depth=4, code__startswith="33.74.").order_by("code")[:10]
    for region in codes:
        KelurahanDesignationFactory(kelurahan_id=region.code)
    response = client_for(semarang_staff).get(reverse("coordination:designation_coverage"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in content and 'role="img"' in content
    assert '<title id="coverage-cities-title">' in content
    assert '<desc id="coverage-cities-desc">' in content
    assert 'aria-labelledby="coverage-kecamatan-title coverage-kecamatan-desc"' in content
    assert "style=" not in content.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert f"10/177 ({formats.number_format(5.6, decimal_pos=1)}%)" in content
    assert '<td class="text-end">177</td>' in content


# Programs -------------------------------------------------------------------------------------


def test_program_form_with_targets(client_for, semarang_staff, bawaslu_semarang):
    """A program is created with its targets; a negative target is refused specifically."""
    client = client_for(semarang_staff)
    data = {
        "name": "Sosialisasi Pilkada 2024",
        "legal_basis": "Peraturan Bawaslu",
        "owner_agency": bawaslu_semarang.pk,
        "region": "33.74",
        "period_start": "2024-05-01",
        "period_end": "2024-11-26",
        "targets-TOTAL_FORMS": "3",
        "targets-INITIAL_FORMS": "0",
        "targets-0-level": "kabkota",
        "targets-0-region": "33.74",
        "targets-0-target_count": "26",
        "targets-1-level": "kecamatan",
        "targets-1-region": "33.74.01",
        "targets-1-target_count": "-2",
        "save": "1",
    }
    response = client.post(reverse("coordination:program_create"), data)
    assert response.status_code == 200
    assert response.context["target_formset"].forms[1].errors["target_count"] == [
        _("Enter a target of at least 1")
    ]
    data["targets-1-target_count"] = "2"
    response = client.post(reverse("coordination:program_create"), data)
    assert response.status_code == 302
    program = Program.objects.get()
    assert [t.target_count for t in program.targets.all()] == [26, 2]


def test_program_form_end_before_start(client_for, semarang_staff, bawaslu_semarang):
    """A period that ends before it starts is a specific error."""
    response = client_for(semarang_staff).post(
        reverse("coordination:program_create"),
        {
            "name": "CAT",
            "owner_agency": bawaslu_semarang.pk,
            "region": "33.74",
            "period_start": "2024-11-01",
            "period_end": "2024-10-01",
            "targets-TOTAL_FORMS": "0",
            "targets-INITIAL_FORMS": "0",
        },
    )
    assert response.context["form"].errors["period_end"] == [
        _("The period cannot end before it starts")
    ]


def test_add_more_rows_keeps_data_without_errors(client_for, semarang_staff):
    """ "Add more rows" re-renders the form with spare rows and no error messages."""
    response = client_for(semarang_staff).post(
        reverse("coordination:program_create"),
        {"name": "", "targets-TOTAL_FORMS": "3", "targets-INITIAL_FORMS": "0", "add_rows": "1"},
    )
    assert response.status_code == 200
    assert response.context["target_formset"].total_form_count() == 6
    assert not response.context["form"].errors


def test_program_detail_shows_progress_and_links_meetings(
    client_for, semarang_staff, bawaslu_semarang
):
    """Linking a held meeting raises the progress shown on the program page."""
    program = ProgramFactory(owner_agency=bawaslu_semarang)
    ProgramTargetFactory(
        program=program, level=ProgramLevel.KABKOTA, region_id="33.74", target_count=4
    )
    meeting = MeetingFactory(
        region_id="33.74",
        status=MeetingStatus.TERLAKSANA,
        starts_at=datetime.datetime(2024, 6, 1, 3, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2024, 6, 1, 5, tzinfo=datetime.UTC),
    )
    client = client_for(semarang_staff)
    url = reverse("coordination:program_meetings", args=[program.pk])
    assert meeting.title in client.get(url).content.decode()
    assert client.post(url, {"meetings": [meeting.pk]}).status_code == 302
    response = client.get(program.get_absolute_url())
    assert response.context["progress"].done_total == 1
    assert response.context["progress"].percent == 25
    assert 'value="25"' in response.content.decode()


def test_program_of_another_city_is_404_and_partner_gets_403(
    client_for, serang_staff, semarang_partner
):
    """Another city: 404. A partner of the city may read the program but not edit it."""
    program = ProgramFactory()
    assert client_for(serang_staff).get(program.get_absolute_url()).status_code == 404
    client = client_for(semarang_partner)
    assert client.get(program.get_absolute_url()).status_code == 200
    assert client.get(reverse("coordination:program_update", args=[program.pk])).status_code == 403
    assert (
        client.get(reverse("coordination:program_meetings", args=[program.pk])).status_code == 403
    )


# Working groups -------------------------------------------------------------------------------


def test_working_group_form_with_members(
    client_for, semarang_staff, bawaslu_semarang, pemkot_semarang
):
    """A pokja is created with its members; the same name twice is flagged on the later row."""
    client = client_for(semarang_staff)
    data = {
        "name": "Pokja Netralitas ASN",
        "agency": bawaslu_semarang.pk,
        "region": "33.74",
        "decree_date": "2024-11-21",
        "members-TOTAL_FORMS": "3",
        "members-INITIAL_FORMS": "0",
        "members-0-name": "Arief Rahman",
        "members-0-agency": bawaslu_semarang.pk,
        "members-0-role": "ketua",
        "members-1-name": "arief rahman",
        "members-1-role": "anggota",
        "members-2-role": "anggota",
        "save": "1",
    }
    response = client.post(reverse("coordination:working_group_create"), data)
    assert response.status_code == 200
    assert "members-1" in response.content.decode()
    assert response.context["member_formset"].forms[1].errors["name"]
    data["members-1-name"] = "Asisten Pemerintahan"
    data["members-1-agency"] = pemkot_semarang.pk
    response = client.post(reverse("coordination:working_group_create"), data)
    assert response.status_code == 302
    group = WorkingGroup.objects.get()
    assert [m.role for m in group.members.all()] == ["ketua", "anggota"]


def test_working_group_partner_access(client_for, semarang_partner, pemkot_semarang, regions):
    """A partner sees the pokja their agency sits in (edit 403) and not the others (404)."""
    group = WorkingGroupFactory()
    WorkingGroupMemberFactory(group=group, agency=pemkot_semarang)
    other = WorkingGroupFactory()
    client = client_for(semarang_partner)
    assert client.get(group.get_absolute_url()).status_code == 200
    assert (
        client.get(reverse("coordination:working_group_update", args=[group.pk])).status_code == 403
    )
    assert client.get(other.get_absolute_url()).status_code == 404


# Query counts ---------------------------------------------------------------------------------


def _queries(client, url):
    client.get(url)  # warm the session and caches
    return count_queries(lambda: client.get(url))


def _make_declarations(count, campaign, organiser):
    for index in range(count):
        declaration = DeclarationFactory(
            campaign=campaign,
            organiser=organiser,
            region_id=f"33.74.{index % 16 + 1:02d}",
            signatory_agencies=[organiser],
        )
        DeclarationSignatoryFactory(declaration=declaration, agency=organiser)


def test_declaration_pages_query_counts_do_not_grow(client_for, semarang_staff, bawaslu_semarang):
    """Declaration list, campaign list and campaign page: same queries for 2 and 12 rows."""
    client = client_for(semarang_staff)
    campaign = DeclarationCampaignFactory()
    _make_declarations(2, campaign, bawaslu_semarang)
    urls = [
        reverse("coordination:declaration_list"),
        reverse("coordination:campaign_list"),
        campaign.get_absolute_url(),
    ]
    small = [_queries(client, url) for url in urls]
    _make_declarations(10, campaign, bawaslu_semarang)
    DeclarationCampaignFactory.create_batch(5)
    assert [_queries(client, url) for url in urls] == small


def test_declaration_detail_query_count_does_not_grow(client_for, semarang_staff, bawaslu_semarang):
    """The detail page costs the same with 2 or 12 signatories."""
    client = client_for(semarang_staff)
    declaration = DeclarationFactory(organiser=bawaslu_semarang)
    for _index in range(2):
        DeclarationSignatoryFactory(declaration=declaration, agency=bawaslu_semarang)
    small = _queries(client, declaration.get_absolute_url())
    for _index in range(10):
        DeclarationSignatoryFactory(declaration=declaration, agency=bawaslu_semarang)
    assert _queries(client, declaration.get_absolute_url()) == small


def test_designation_pages_query_counts_do_not_grow(client_for, semarang_staff):
    """Designation list and coverage: same queries for 2 and 12 designations."""
    client = client_for(semarang_staff)
    kelurahan = list(
        Region.objects.filter(depth=4, code__startswith="33.74.").order_by("code")[:12]
    )
    for region in kelurahan[:2]:
        KelurahanDesignationFactory(kelurahan_id=region.code)
    urls = [reverse("coordination:designation_list"), reverse("coordination:designation_coverage")]
    small = [_queries(client, url) for url in urls]
    for region in kelurahan[2:]:
        KelurahanDesignationFactory(kelurahan_id=region.code)
    assert [_queries(client, url) for url in urls] == small


def _make_programs(count, agency):
    for index in range(count):
        program = ProgramFactory(owner_agency=agency)
        ProgramTargetFactory(
            program=program, level="kecamatan", region_id=f"33.74.{index % 16 + 1:02d}"
        )
        program.meetings.add(MeetingFactory(region_id="33.74.01", status=MeetingStatus.TERLAKSANA))


def test_program_pages_query_counts_do_not_grow(client_for, semarang_staff, bawaslu_semarang):
    """Program list and detail: same queries for 2 and 12 programs / targets / meetings."""
    client = client_for(semarang_staff)
    _make_programs(2, bawaslu_semarang)
    program = Program.objects.first()
    urls = [reverse("coordination:program_list"), program.get_absolute_url()]
    small = [_queries(client, url) for url in urls]
    _make_programs(10, bawaslu_semarang)
    for index in range(10):
        ProgramTargetFactory(program=program, level="kelurahan", region_id=f"33.74.{index + 1:02d}")
        program.meetings.add(MeetingFactory(region_id="33.74.02"))
    assert [_queries(client, url) for url in urls] == small


def test_working_group_pages_query_counts_do_not_grow(client_for, semarang_staff, bawaslu_semarang):
    """Pokja list and detail: same queries for 2 and 12 pokja / members / meetings."""
    client = client_for(semarang_staff)
    groups = WorkingGroupFactory.create_batch(2, agency=bawaslu_semarang)
    for group in groups:
        WorkingGroupMemberFactory(group=group, agency=bawaslu_semarang)
    urls = [reverse("coordination:working_group_list"), groups[0].get_absolute_url()]
    small = [_queries(client, url) for url in urls]
    WorkingGroupFactory.create_batch(10, agency=bawaslu_semarang)
    for _index in range(10):
        WorkingGroupMemberFactory(group=groups[0], agency=bawaslu_semarang)
        groups[0].meetings.add(MeetingFactory())
    assert [_queries(client, url) for url in urls] == small


def test_row_forms_query_counts_do_not_grow(client_for, semarang_staff, bawaslu_semarang):
    """Declaration, program and pokja forms: same queries for 2 and 12 rows (choices read once)."""
    client = client_for(semarang_staff)

    def urls(size):
        declaration = DeclarationFactory(organiser=bawaslu_semarang)
        program = ProgramFactory(owner_agency=bawaslu_semarang)
        group = WorkingGroupFactory(agency=bawaslu_semarang)
        for index in range(size):
            DeclarationSignatoryFactory(declaration=declaration, agency=bawaslu_semarang)
            ProgramTargetFactory(
                program=program, level="kecamatan", region_id=f"33.74.{index % 16 + 1:02d}"
            )
            WorkingGroupMemberFactory(group=group, agency=bawaslu_semarang)
        return [
            reverse("coordination:declaration_update", args=[declaration.pk]),
            reverse("coordination:program_update", args=[program.pk]),
            reverse("coordination:working_group_update", args=[group.pk]),
        ]

    small, large = urls(2), urls(12)
    assert [_queries(client, url) for url in small] == [_queries(client, url) for url in large]


def test_partner_sees_only_linked_meetings_of_their_agency(
    client_for, semarang_partner, pemkot_semarang
):
    """On a program page a partner sees linked meetings their agency takes part in, not others."""
    program = ProgramFactory()
    theirs = MeetingFactory(title="Rakor dengan Pemkot", participating_agencies=[pemkot_semarang])
    internal = MeetingFactory(title="Rapat internal Bawaslu")
    program.meetings.add(theirs, internal)
    content = client_for(semarang_partner).get(program.get_absolute_url()).content.decode()
    assert "Rakor dengan Pemkot" in content
    assert "Rapat internal Bawaslu" not in content


def _partner_declarations(count, office, partner_agency):
    """Per round: one declaration the partner organises, one it signs as an agency, one
    its person signs, and one it has nothing to do with (not on its list)."""
    for _index in range(count):
        DeclarationFactory(organiser=partner_agency)
        DeclarationFactory(organiser=office, signatory_agencies=[partner_agency])
        DeclarationSignatoryFactory(
            declaration=DeclarationFactory(organiser=office), agency=partner_agency
        )
        DeclarationFactory(organiser=office)


def test_partner_declaration_list_query_count_does_not_grow(
    client_for, semarang_partner, bawaslu_semarang, pemkot_semarang
):
    """A partner's declaration list runs the same queries for 3 and 21 of its declarations,
    and shows only those."""
    client = client_for(semarang_partner)
    url = reverse("coordination:declaration_list")
    _partner_declarations(1, bawaslu_semarang, pemkot_semarang)
    small = _queries(client, url)
    _partner_declarations(6, bawaslu_semarang, pemkot_semarang)
    assert _queries(client, url) == small
    assert client.get(url).context["page"].paginator.count == 21


# Two officials editing the same record --------------------------------------------------------


def _logged_in(user) -> Client:
    """A browser of its own for ``user`` (two officials, two sessions)."""
    client = Client()
    client.force_login(user, backend="bawaslu_portal.backends.UsernameOrEmailBackend")
    return client


def _edit_page(kind, agency):
    """A ``kind`` record of Kota Semarang, its edit URL, a POST of its edit form saving
    ``value`` at ``version``, and what of a save is stored (``stored(record)``)."""
    if kind == "declaration":
        record = DeclarationFactory(organiser=agency)

        def post(value, version):
            return _declaration_post(
                agency, title=value, version=version, **{"signatories-0-name": f"Saksi {value}"}
            )

        def stored(record):
            names = [row.person.name for row in record.signatories.all()]
            return record.title, names

    elif kind == "campaign":
        record = DeclarationCampaignFactory()

        def post(value, version):
            return {"name": value, "kind": "netralitas_asn", "region": "33.74", "version": version}

        def stored(record):
            return record.name

    elif kind == "designation":
        record = KelurahanDesignationFactory()

        def post(value, version):
            return {
                "kind": record.kind.pk,
                "kelurahan": record.kelurahan_id,
                "date": "2023-08-17",
                "status": "aktif",
                "notes": value,
                "version": version,
            }

        def stored(record):
            return record.notes

    elif kind == "program":
        record = ProgramFactory(owner_agency=agency)

        def post(value, version):
            return {
                "name": value,
                "owner_agency": agency.pk,
                "region": "33.74",
                "period_start": "2024-01-01",
                "period_end": "2024-12-31",
                "targets-TOTAL_FORMS": "1",
                "targets-INITIAL_FORMS": "0",
                "targets-0-level": "kabkota",
                "targets-0-region": "33.74",
                "targets-0-target_count": str(len(value)),
                "version": version,
                "save": "1",
            }

        def stored(record):
            return record.name, [target.target_count for target in record.targets.all()]

    else:
        record = WorkingGroupFactory(agency=agency)

        def post(value, version):
            return {
                "name": value,
                "agency": agency.pk,
                "region": "33.74",
                "members-TOTAL_FORMS": "1",
                "members-INITIAL_FORMS": "0",
                "members-0-name": f"Anggota {value}",
                "members-0-role": "anggota",
                "version": version,
                "save": "1",
            }

        def stored(record):
            return record.name, [member.person.name for member in record.members.all()]

    url = reverse(f"coordination:{kind}_update", args=[record.pk])
    return record, url, post, stored


@pytest.mark.parametrize(
    "kind", ["declaration", "campaign", "designation", "program", "working_group"]
)
def test_second_of_two_officials_is_refused_then_saves_again(
    kind, semarang_staff, semarang_commissioner, bawaslu_semarang
):
    """A and B open the same edit page (version 1, in a hidden field). A saves. B's save is
    refused with the error naming A, B's input still in the form and none of it stored;
    the form now carries version 2, so B's second save, after checking, goes through."""
    semarang_commissioner.first_name, semarang_commissioner.last_name = "Ketua", "Bawaslu"
    semarang_commissioner.save()
    record, url, post, stored = _edit_page(kind, bawaslu_semarang)
    official_a, official_b = _logged_in(semarang_commissioner), _logged_in(semarang_staff)
    for official in (official_a, official_b):
        page = official.get(url)
        assert page.context["form"].initial["version"] == 1
        assert 'name="version" value="1"' in page.content.decode()

    assert official_a.post(url, post("Versi ketua", "1")).status_code == 302
    a_saved = stored(record.__class__.objects.get(pk=record.pk))

    response = official_b.post(url, post("Versi staf", "1"))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error(NON_FIELD_ERRORS, "stale_version")
    content = response.content.decode()
    assert "Ketua Bawaslu" in content
    assert "Versi staf" in content
    assert 'name="version" value="2"' in content
    record.refresh_from_db()
    assert (stored(record), record.version) == (a_saved, 2)

    again = official_b.post(url, post("Versi staf", form.data["version"]))
    assert again.status_code == 302
    record.refresh_from_db()
    assert (record.version, record.updated_by) == (3, semarang_staff)
    assert stored(record) != a_saved


def test_an_edit_page_opened_before_a_revocation_is_refused(
    semarang_staff, semarang_commissioner, regions
):
    """The commissioner revokes a designation while staff have its edit page open: the staff
    save (still "active") is refused instead of silently undoing the revocation."""
    designation = KelurahanDesignationFactory()
    url = reverse("coordination:designation_update", args=[designation.pk])
    staff = _logged_in(semarang_staff)
    assert staff.get(url).context["form"].initial["version"] == 1
    revoke = reverse("coordination:designation_revoke", args=[designation.pk])
    response = _logged_in(semarang_commissioner).post(
        revoke, {"date": "2024-01-10", "reason": "Dicabut"}
    )
    assert response.status_code == 302
    response = staff.post(
        url,
        {
            "kind": designation.kind.pk,
            "kelurahan": designation.kelurahan_id,
            "date": "2023-08-17",
            "status": "aktif",
            "version": "1",
        },
    )
    assert response.context["form"].has_error(NON_FIELD_ERRORS, "stale_version")
    designation.refresh_from_db()
    assert (designation.status, designation.version) == (DesignationStatus.DICABUT, 2)


@pytest.mark.parametrize(
    ("url_name", "factory", "owner"),
    [
        ("coordination:program_meetings", ProgramFactory, "owner_agency"),
        ("coordination:working_group_meetings", WorkingGroupFactory, "agency"),
    ],
)
def test_choosing_meetings_is_refused_over_a_newer_choice(
    url_name, factory, owner, semarang_staff, semarang_commissioner, bawaslu_semarang
):
    """Two officials open a program's (a pokja's) "Link meetings" page; A links one meeting,
    B's choice of another is refused instead of silently unlinking A's, with B's ticks kept;
    B's second save, after checking, goes through."""
    record = factory(**{owner: bawaslu_semarang})  # a program runs through 2024
    in_2024 = datetime.datetime(2024, 6, 1, 9, tzinfo=datetime.UTC)
    first, second = MeetingFactory.create_batch(2, region_id="33.74.01", starts_at=in_2024)
    url = reverse(url_name, args=[record.pk])
    official_a, official_b = _logged_in(semarang_commissioner), _logged_in(semarang_staff)
    for official in (official_a, official_b):
        assert 'name="version" value="1"' in official.get(url).content.decode()

    assert official_a.post(url, {"meetings": [first.pk], "version": "1"}).status_code == 302
    response = official_b.post(url, {"meetings": [second.pk], "version": "1"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error(NON_FIELD_ERRORS, "stale_version")
    assert 'name="version" value="2"' in response.content.decode()
    assert [str(pk) for pk in form.data.getlist("meetings")] == [str(second.pk)]
    assert list(record.meetings.all()) == [first]

    again = official_b.post(url, {"meetings": [first.pk, second.pk], "version": "2"})
    assert again.status_code == 302
    record.refresh_from_db()
    assert (record.version, record.updated_by) == (3, semarang_staff)
    assert set(record.meetings.all()) == {first, second}
