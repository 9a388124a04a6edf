"""The campaigns demo seed: every campaign fact of the source articles has a place, a revoked
designation and a declaration photo that open; idempotent."""

import datetime

import pytest
from django.urls import reverse

from bawaslu_portal.demo import seed_portal_demo
from bawaslu_portal.models import UserRole
from coordination import selectors
from coordination.demo import RAKOR_BALIKPAPAN, RAKOR_SERANG, seed_coordination_demo
from coordination.demo.campaigns import (
    BALIKPAPAN_PROGRAM,
    PANGKALPINANG_PROGRAM,
    SEMARANG_CAMPAIGN,
    SERANG_POKJA,
    link_campaign_demo_meetings,
    seed_campaigns_demo,
)
from coordination.models import (
    Declaration,
    DeclarationCampaign,
    DeclarationDocument,
    DeclarationDocumentKind,
    DeclarationSignatory,
    DesignationKind,
    FollowUp,
    FollowUpStatus,
    KelurahanDesignation,
    Program,
    ProgramTarget,
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupRole,
)
from coordination.models.campaigns import DesignationStatus
from tests.coordination.test_demo import table_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    """The full demo: portal, meetings (which run the campaigns seed and the linking)."""
    portal = seed_portal_demo(password="demo-password-1")
    seed_coordination_demo(portal=portal)
    return portal


def _counts():
    return (
        DeclarationCampaign.objects.count(),
        Declaration.objects.count(),
        DeclarationSignatory.objects.count(),
        Declaration.signatory_agencies.through.objects.count(),
        KelurahanDesignation.objects.count(),
        Program.objects.count(),
        ProgramTarget.objects.count(),
        Program.meetings.through.objects.count(),
        WorkingGroup.objects.count(),
        WorkingGroupMember.objects.count(),
        WorkingGroup.meetings.through.objects.count(),
        DeclarationDocument.objects.count(),
    )


def test_seed_is_idempotent(seeded):
    """Running the campaigns seed and the linking again changes no counts, stores no file
    again and leaves the revoked designation revoked."""
    first = _counts()
    files = set(DeclarationDocument.objects.values_list("file", flat=True))
    seed_campaigns_demo(portal=seeded)
    link_campaign_demo_meetings(portal=seeded)
    assert _counts() == first
    assert set(DeclarationDocument.objects.values_list("file", flat=True)) == files
    assert KelurahanDesignation.objects.filter(status=DesignationStatus.DICABUT).count() == 1


def test_semarang_campaign_held_in_all_16_kecamatan_before_the_audiensi(seeded):
    """All 16 kecamatan held their declaration, and the culmination is at the Balaikota."""
    campaign = DeclarationCampaign.objects.get(name=SEMARANG_CAMPAIGN)
    overview = selectors.campaign_overview(user=seeded.users["semarang.staf"], campaign=campaign)
    assert len(overview.rows) == 16
    assert overview.held_count == 16
    [culmination] = overview.culminations
    assert culmination.place == "Balaikota Semarang"
    last = max(d.date for d in campaign.declarations.all())
    assert last < datetime.date(2023, 9, 21)


def test_semarang_has_10_kelurahan_with_both_designations(seeded):
    """ "10 Kelurahan Anti Politik Uang dan Kelurahan Pengawasan" (article 000): ten kelurahan,
    each carrying both designations, with no split invented between them; coverage 10 of
    177, and 10 for each kind."""
    user = seeded.users["semarang.staf"]
    coverage = selectors.designation_coverage(user=user)
    assert [(row.designated, row.total) for row in coverage.cities] == [(10, 177)]
    by_kelurahan = {}
    active = KelurahanDesignation.objects.exclude(status=DesignationStatus.DICABUT)
    for kelurahan, kind in active.values_list("kelurahan_id", "kind__name"):
        by_kelurahan.setdefault(kelurahan, set()).add(kind)
    assert len(by_kelurahan) == 10
    assert all(
        kinds == {"Kelurahan Anti Politik Uang", "Kelurahan Pengawasan"}
        for kinds in by_kelurahan.values()
    )
    for kind in DesignationKind.objects.all():
        per_kind = selectors.designation_coverage(user=user, kind=kind)
        assert [row.designated for row in per_kind.cities] == [10]
    notes = KelurahanDesignation.objects.values_list("notes", flat=True)
    assert all("ilustrasi" in text for text in notes)


def test_a_revoked_designation_beyond_the_ten(seeded, client_for):
    """An eleventh kelurahan, designated after the audiensi (illustrative, and saying so), was
    revoked through ``designation_revoke`` on its day; the ten of the article stay active,
    and the designation list shows it as revoked."""
    revoked = KelurahanDesignation.objects.get(status=DesignationStatus.DICABUT)
    assert revoked.date > datetime.date(2023, 9, 21)
    assert revoked.revoked_on == datetime.date(2024, 3, 4)
    assert "Data demo" in revoked.notes and "Dicabut" in revoked.notes
    assert revoked.kelurahan_id.startswith("33.74.11.")
    assert KelurahanDesignation.objects.filter(status=DesignationStatus.AKTIF).count() == 20
    client = client_for(seeded.users["semarang.staf"])
    page = client.get(reverse("coordination:designation_list"), {"status": "dicabut"})
    assert page.status_code == 200
    assert "Revoked (dicabut)" in table_row(page.content.decode(), revoked.kelurahan.name)


def test_culmination_photo_downloads(seeded, client_for):
    """The Balaikota declaration carries a demo photo uploaded through
    ``declaration_document_add`` on its day; the staff login finds it on the declaration's
    page and downloads the PNG."""
    declaration = Declaration.objects.get(is_culmination=True)
    photo = declaration.documents.get()
    assert (photo.kind, photo.content_type) == (DeclarationDocumentKind.FOTO, "image/png")
    assert photo.uploaded_at.date() == declaration.date and photo.size < 20 * 1024
    client = client_for(seeded.users["semarang.staf"])
    url = reverse(
        "coordination:declaration_document_download",
        kwargs={"pk": declaration.pk, "document_pk": photo.pk},
    )
    detail = reverse("coordination:declaration_detail", kwargs={"pk": declaration.pk})
    assert url in client.get(detail).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\x89PNG") and b"Contoh berkas demo" in content


def test_balikpapan_program_has_38_targets(seeded):
    """38 = 26 at city level + 2 in each of the 6 kecamatan; the rakor is linked."""
    program = Program.objects.get(name=BALIKPAPAN_PROGRAM)
    progress = selectors.program_progress(programs=[program])[program.pk]
    assert progress.target_total == 38
    by_level = {}
    for item in progress.targets:
        by_level.setdefault(item.target.level, []).append(item.target.target_count)
    assert by_level == {"kabkota": [26], "kecamatan": [2] * 6}
    assert RAKOR_BALIKPAPAN in set(program.meetings.values_list("title", flat=True))
    assert progress.done_total >= 1  # the held rakor at city level


def test_serang_pokja_members_and_meeting(seeded):
    """The Serang pokja has members from Bawaslu, Pemkot, TNI, Polri, Kejaksaan and Kominfo,
    all plain members (the article names no officers), marked as illustrative."""
    group = WorkingGroup.objects.get(name=SERANG_POKJA)
    kinds = set(group.members.values_list("agency__kind", flat=True))
    assert {"bawaslu_kabkota", "pemda", "tni", "polri", "kejaksaan", "kominfo"} <= kinds
    assert set(group.members.values_list("role", flat=True)) == {WorkingGroupRole.ANGGOTA}
    names = group.members.values_list("person__name", flat=True)
    assert all(name.startswith("Perwakilan ") for name in names)
    assert "Data demo" in group.purpose
    assert RAKOR_SERANG in set(group.meetings.values_list("title", flat=True))


def test_serang_pokja_decree_matches_its_follow_up(seeded):
    """The pokja was formed at the rakor of 21 Nov 2024; its decree is dated the day the
    rakor's follow-up to set it up was done, within that follow-up's due date."""
    group = WorkingGroup.objects.get(name=SERANG_POKJA)
    follow_up = FollowUp.objects.get(meeting__title=RAKOR_SERANG, title__contains="SK")
    assert follow_up.status == FollowUpStatus.SELESAI
    done_on = follow_up.notes.order_by("-date").first().date
    assert group.decree_date == done_on
    assert datetime.date(2024, 11, 21) <= group.decree_date <= follow_up.due_date


def test_pangkalpinang_cat_program_targets(seeded):
    """The CAT program has targets at kecamatan and kelurahan level."""
    program = Program.objects.get(name=PANGKALPINANG_PROGRAM)
    levels = set(program.targets.values_list("level", flat=True))
    assert levels == {"kecamatan", "kelurahan"}


def test_demo_partner_reads_semarang_culmination(seeded):
    """The Pemkot Semarang partner login sees the culminating declaration its agency organised."""
    partner = seeded.users["semarang.pemkot"]
    assert partner.role == UserRole.PARTNER
    titles = set(selectors.declaration_list(user=partner).values_list("title", flat=True))
    assert any("puncak" in title for title in titles)
