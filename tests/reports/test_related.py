"""Related reports (issue 9 §8): linked laporan about the same incident and the same ASN.

The handling office links them; they are assessed together (one kajian and one
pleno, recorded once and applied to every report of the group in one
transaction, one history row each); each reporter keeps their own tracking
code and status, and never sees the other reporters.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bawaslu_portal.timefmt import format_date
from reports.models import (
    Report,
    ReportFollowUp,
    ReportGroup,
    ReportHistory,
    ReportStage,
)
from reports.services.related import report_group_transition, report_link, report_unlink
from reports.services.workflow import report_transition
from tests.browsing import Browser
from tests.factories.reports import intake_report, pemilu
from tests.reports.test_journeys import (
    check_status,
    file_as_citizen,
    find_case,
    report_answers,
    step_forms,
    take_step,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
SECOND_REPORTER = "Agus Salim Pratama"
LETTER = "015/PM.00.02/K.JT-28/2026"


@pytest.fixture(autouse=True)
def english_and_fresh_cache(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    cache.clear()
    yield
    cache.clear()


def fresh(report: Report) -> Report:
    return Report.objects.select_related("group").get(pk=report.pk)


def link(actor, report, other):
    report = fresh(report)
    return report_link(
        actor=actor, report=report, other=fresh(other), expected_version=report.version
    )


def step(actor, report, to_stage, **fields):
    report = fresh(report)
    return report_group_transition(
        actor=actor, report=report, to_stage=to_stage, expected_version=report.version, **fields
    )


def single_step(actor, report, to_stage, **fields):
    report = fresh(report)
    return report_transition(
        actor=actor, report=report, to_stage=to_stage, expected_version=report.version, **fields
    )


def registered(actor, count: int = 2, **overrides) -> list[Report]:
    """``count`` reports about Budi Terlapor (the same NIP), each registered separately."""
    reports = []
    for _index in range(count):
        report = intake_report(user=actor, **overrides)
        single_step(actor, report, ReportStage.KAJIAN_AWAL)
        single_step(actor, report, ReportStage.DIREGISTRASI)
        reports.append(fresh(report))
    return reports


def link_error(actor, report, other) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        link(actor, report, other)
    return caught.value


def codes(error: ValidationError) -> set[str]:
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


# Linking rules and refusals ---------------------------------------------------------------


def test_linking_two_reports_makes_a_group_and_stales_open_pages(semarang_staff):
    """A new group holds both reports; each report's version moves (open pages go stale)."""
    first, second = intake_report(user=semarang_staff), intake_report(user=semarang_staff)
    group = link(semarang_staff, first, second)
    assert set(group.reports.values_list("pk", flat=True)) == {first.pk, second.pk}
    assert group.office == first.office and group.created_by == semarang_staff
    assert fresh(first).version == first.version + 1
    assert fresh(second).version == second.version + 1
    with pytest.raises(ValidationError) as caught:
        report_link(
            actor=semarang_staff,
            report=fresh(first),
            other=intake_report(user=semarang_staff),
            expected_version=first.version,  # the page seen before the link
        )
    assert codes(caught.value) == {"stale_version"}


def test_a_third_report_joins_the_group(semarang_staff):
    first, second, third = (intake_report(user=semarang_staff) for _index in range(3))
    group = link(semarang_staff, first, second)
    assert link(semarang_staff, third, second) == group  # from the newcomer's page
    assert group.reports.count() == 3
    assert codes(link_error(semarang_staff, first, third)) == {"already_linked"}


def test_a_report_cannot_be_linked_to_itself(semarang_staff):
    report = intake_report(user=semarang_staff)
    error = link_error(semarang_staff, report, report)
    assert codes(error) == {"same_report"}
    assert "cannot be linked to itself" in error.messages[0]


def test_reports_of_another_office_are_refused(semarang_staff, bawaslu_jateng):
    """A report forwarded to the province is handled by another office: refused, named."""
    mine = intake_report(user=semarang_staff)
    forwarded = intake_report(user=semarang_staff)
    single_step(
        semarang_staff,
        forwarded,
        ReportStage.DILIMPAHKAN,
        target_office=bawaslu_jateng,
        note="Ke provinsi.",
    )
    error = link_error(semarang_staff, mine, forwarded)
    assert codes(error) == {"other_office"}
    assert "Bawaslu Provinsi Jawa Tengah" in error.messages[0]
    assert "same office" in error.messages[0]
    assert ReportGroup.objects.count() == 0


def test_reports_about_another_asn_are_refused_by_nip(semarang_staff):
    """The same name but another NIP is another ASN."""
    first = intake_report(user=semarang_staff)
    other = intake_report(user=semarang_staff, reported_nip="199001012015011002")
    error = link_error(semarang_staff, first, other)
    assert codes(error) == {"different_asn"}
    assert "199001012015011002" in error.messages[0]
    assert "same reported ASN" in error.messages[0]


def test_reports_about_another_asn_are_refused_by_name(semarang_staff):
    """Without a NIP on both sides the names decide (case and spacing aside)."""
    first = intake_report(user=semarang_staff, reported_nip="")
    same = intake_report(user=semarang_staff, reported_nip="", reported_name="  budi   TERLAPOR")
    other = intake_report(user=semarang_staff, reported_nip="", reported_name="Siti Aminah")
    link(semarang_staff, first, same)
    error = link_error(semarang_staff, first, other)
    assert codes(error) == {"different_asn"}
    assert "Siti Aminah" in error.messages[0]


def test_a_newcomer_is_checked_against_every_report_of_the_group(semarang_staff):
    """B has no NIP (matched by name to A); C names another NIP than A: refused."""
    first = intake_report(user=semarang_staff)
    by_name = intake_report(user=semarang_staff, reported_nip="")
    link(semarang_staff, first, by_name)
    other_nip = intake_report(user=semarang_staff, reported_nip="199001012015011002")
    assert codes(link_error(semarang_staff, by_name, other_nip)) == {"different_asn"}


def test_reports_of_another_election_are_refused(semarang_staff):
    first = intake_report(user=semarang_staff)
    other = intake_report(user=semarang_staff, election=pemilu())
    assert codes(link_error(semarang_staff, first, other)) == {"other_election"}


def test_a_report_at_its_kajian_cannot_be_linked(semarang_staff):
    first, at_kajian = registered(semarang_staff)
    single_step(semarang_staff, at_kajian, ReportStage.KAJIAN)
    error = link_error(semarang_staff, first, at_kajian)
    assert codes(error) == {"too_late"}
    assert "Only reports still before their kajian can be linked" in error.messages[0]


def test_two_groups_are_not_merged(semarang_staff):
    a, b, c, d = (intake_report(user=semarang_staff) for _index in range(4))
    link(semarang_staff, a, b)
    link(semarang_staff, c, d)
    error = link_error(semarang_staff, a, c)
    assert codes(error) == {"other_group"}
    assert "Groups are not merged" in error.messages[0]


def test_only_the_handling_office_links(semarang_staff, jateng_staff, serang_staff):
    """The province sees the case but does not handle it (403); another city is out of scope."""
    first, second = intake_report(user=semarang_staff), intake_report(user=semarang_staff)
    for outsider in (jateng_staff, serang_staff):
        with pytest.raises(PermissionDenied):
            link(outsider, first, second)
    assert ReportGroup.objects.count() == 0


def test_unlinking_before_the_kajian_dissolves_a_group_of_two(semarang_staff):
    first, second, third = (intake_report(user=semarang_staff) for _index in range(3))
    group = link(semarang_staff, first, second)
    link(semarang_staff, first, third)
    report = fresh(first)
    report_unlink(
        actor=semarang_staff, report=report, member=fresh(third), expected_version=report.version
    )
    assert fresh(third).group_id is None and group.reports.count() == 2
    report = fresh(second)
    report_unlink(
        actor=semarang_staff, report=report, member=report, expected_version=report.version
    )
    assert not Report.objects.filter(group__isnull=False).exists()
    assert not ReportGroup.objects.exists()


def test_unlinking_is_refused_once_the_joint_kajian_is_recorded(semarang_staff):
    first, second = registered(semarang_staff)
    link(semarang_staff, first, second)
    step(semarang_staff, first, ReportStage.KAJIAN)
    report = fresh(first)
    with pytest.raises(ValidationError) as caught:
        report_unlink(
            actor=semarang_staff,
            report=report,
            member=fresh(second),
            expected_version=report.version,
        )
    assert codes(caught.value) == {"assessed"}
    # The date as the case page shows it (the office's time zone, the locale's format).
    assert format_date(report.group.assessed_at, report.region) in caught.value.messages[0]
    assert fresh(second).group_id == report.group_id


# Assessed together -------------------------------------------------------------------------


def test_the_joint_kajian_moves_every_report_with_one_history_row_each(semarang_staff):
    """Recorded on one report, the kajian starts on all three (from their own stages)."""
    first, second, third = registered(semarang_staff, 3)
    single_step(semarang_staff, third, ReportStage.KLARIFIKASI)
    link(semarang_staff, first, second)
    link(semarang_staff, first, third)
    before = ReportHistory.objects.count()

    updated = step(semarang_staff, second, ReportStage.KAJIAN, note="Kajian bersama.")

    assert [report.pk for report in updated][0] == second.pk
    assert {report.pk for report in updated} == {first.pk, second.pk, third.pk}
    rows = list(ReportHistory.objects.order_by("pk")[before:])
    assert len(rows) == 3
    assert {row.report_id for row in rows} == {first.pk, second.pk, third.pk}
    for row in rows:
        assert row.to_stage == ReportStage.KAJIAN
        assert row.note == "Kajian bersama."
        joint = row.data["joint_decision"]
        assert joint["recorded_on"] == str(fresh(second))
        assert sorted(joint["reports"]) == sorted(str(fresh(r)) for r in (first, second, third))
    assert {fresh(r).stage for r in (first, second, third)} == {ReportStage.KAJIAN}
    assert fresh(first).group.assessed_at is not None


def test_the_kajian_on_a_single_linked_report_is_refused(semarang_staff):
    first, second = registered(semarang_staff)
    link(semarang_staff, first, second)
    with pytest.raises(ValidationError) as caught:
        single_step(semarang_staff, first, ReportStage.KAJIAN)
    assert codes(caught.value) == {"joint_step"}
    assert "recorded once for all of them" in caught.value.messages[0]
    assert fresh(first).stage == ReportStage.DIREGISTRASI


def test_a_group_not_ready_for_the_kajian_changes_nothing(semarang_staff):
    """One report is still at its kajian awal: refused, naming it; no report moves."""
    (first,) = registered(semarang_staff, 1)
    behind = intake_report(user=semarang_staff)
    single_step(semarang_staff, behind, ReportStage.KAJIAN_AWAL)
    link(semarang_staff, first, behind)
    before = ReportHistory.objects.count()
    with pytest.raises(ValidationError) as caught:
        step(semarang_staff, first, ReportStage.KAJIAN)
    assert codes(caught.value) == {"group_not_ready"}
    message = caught.value.messages[0]
    assert str(fresh(behind)) in message and "Kajian awal" in message
    assert "or unlink them" in message
    assert ReportHistory.objects.count() == before
    assert fresh(first).stage == ReportStage.DIREGISTRASI


def test_the_joint_pleno_forwards_one_recommendation_for_all(semarang_staff, semarang_commissioner):
    """The commissioners' decision, recorded on one report, applies to the group: one
    history row each, each report with the letter and its own follow-up."""
    first, second = registered(semarang_staff)
    link(semarang_staff, first, second)
    step(semarang_staff, first, ReportStage.KAJIAN)
    today = timezone.localdate()
    before = ReportHistory.objects.count()
    step(
        semarang_commissioner,
        second,
        ReportStage.REKOMENDASI_DITERUSKAN,
        recommendation_number=LETTER,
        recommendation_date=today,
    )
    rows = list(ReportHistory.objects.order_by("pk")[before:])
    assert len(rows) == 2 and {row.report_id for row in rows} == {first.pk, second.pk}
    assert all(row.data["joint_decision"]["recorded_on"] == str(fresh(second)) for row in rows)
    for report in (first, second):
        report = fresh(report)
        assert report.stage == ReportStage.REKOMENDASI_DITERUSKAN
        assert report.recommendation_number == LETTER
        assert ReportFollowUp.objects.filter(report=report).count() == 1
    # After the pleno each report goes its own way (KASN/BKN, the PPK): no joint step.
    single_step(
        semarang_staff,
        first,
        ReportStage.SELESAI,
        bkn_recommendation_number="R-1/BKN/2026",
        bkn_recommendation_date=today,
        reason="Tidak terbukti.",
    )
    assert fresh(first).stage == ReportStage.SELESAI
    assert fresh(second).stage == ReportStage.REKOMENDASI_DITERUSKAN


def test_a_refusal_on_one_report_saves_nothing_for_the_group(semarang_staff, semarang_commissioner):
    """One transaction: the letter predates the second report's receipt, so the second
    refuses it, and the first (already moved in the transaction) is rolled back too."""
    first, second = registered(semarang_staff)
    link(semarang_staff, first, second)
    step(semarang_staff, first, ReportStage.KAJIAN)
    today = timezone.localdate()
    Report.objects.filter(pk=first.pk).update(received_at=timezone.now() - 5 * DAY)
    before = ReportHistory.objects.count()
    with pytest.raises(ValidationError) as caught:
        step(
            semarang_commissioner,
            first,
            ReportStage.REKOMENDASI_DITERUSKAN,
            recommendation_number=LETTER,
            recommendation_date=today - 2 * DAY,
        )
    assert codes(caught.value) == {"group_member_refused"}
    assert str(fresh(second)) in caught.value.messages[0]
    assert ReportHistory.objects.count() == before
    assert {fresh(r).stage for r in (first, second)} == {ReportStage.KAJIAN}
    assert not ReportFollowUp.objects.exists()


def test_a_linked_report_is_not_forwarded_alone(semarang_staff, bawaslu_jateng):
    first, second = intake_report(user=semarang_staff), intake_report(user=semarang_staff)
    link(semarang_staff, first, second)
    with pytest.raises(ValidationError) as caught:
        single_step(
            semarang_staff,
            first,
            ReportStage.DILIMPAHKAN,
            target_office=bawaslu_jateng,
            note="Ke provinsi.",
        )
    assert codes(caught.value) == {"linked_office_change"}


# Pages -----------------------------------------------------------------------------------


def count_get(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_list_marks_linked_reports_at_a_constant_query_count(client_for, semarang_staff):
    """2 unlinked reports, then 12 of which 9 in three groups: the same queries."""
    client = client_for(semarang_staff)
    [intake_report(user=semarang_staff) for _index in range(2)]
    client.get("/laporan/")
    small = count_get(client, "/laporan/")
    for _group in range(3):
        first, *others = (intake_report(user=semarang_staff) for _index in range(3))
        for other in others:
            link(semarang_staff, first, other)
    assert count_get(client, "/laporan/") == small
    page = Browser(semarang_staff).open("/laporan/")
    assert (
        page.texts("data-testid", "linked-badge").count(
            "linked: 3 reports about the same incident, assessed together"
        )
        == 9
    )


def test_the_case_page_runs_the_same_queries_for_two_or_five_linked_reports(
    client_for, semarang_staff
):
    client = client_for(semarang_staff)
    first, second = (intake_report(user=semarang_staff) for _index in range(2))
    link(semarang_staff, first, second)
    client.get(first.get_absolute_url())
    small = count_get(client, first.get_absolute_url())
    big, *others = (intake_report(user=semarang_staff) for _index in range(5))
    for other in others:
        link(semarang_staff, big, other)
    assert count_get(client, big.get_absolute_url()) == small
    unlinked = intake_report(user=semarang_staff)
    client.get(unlinked.get_absolute_url())
    alone = count_get(client, unlinked.get_absolute_url())
    more = [intake_report(user=semarang_staff) for _index in range(4)]
    assert more and count_get(client, unlinked.get_absolute_url()) == alone


def test_the_case_page_lists_the_linked_reports_and_their_forms(semarang_staff, jateng_staff):
    """The office sees the links with their stage, an unlink button each and the link form;
    the province (which does not handle the case) sees the links only."""
    first, second = intake_report(user=semarang_staff), intake_report(user=semarang_staff)
    link(semarang_staff, first, second)
    page = Browser(semarang_staff).open(first.get_absolute_url())
    section = page.section("related-title")
    assert str(fresh(second)) in section and str(ReportStage.DITERIMA.label) in section
    assert second.get_absolute_url() in page.links
    assert page.form(having="member", member=str(second.pk))
    assert page.form(having="other")
    province = Browser(jateng_staff).open(first.get_absolute_url())
    assert str(fresh(second)) in province.section("related-title")
    assert not [form for form in province.forms if "member" in form.names or "other" in form.names]


def test_a_refused_link_comes_back_with_the_reason(semarang_staff):
    first = intake_report(user=semarang_staff)
    other = intake_report(user=semarang_staff, reported_nip="199001012015011002")
    office = Browser(semarang_staff)
    page = office.submit(
        office.open(first.get_absolute_url()).form(having="other"),
        {"other": fresh(other).tracking_code_display},
    )
    assert page.status == 200
    assert "Only reports about the same reported ASN can be linked." in page.error_summary
    unknown = office.submit(
        office.open(first.get_absolute_url()).form(having="other"), {"other": "ZZZZ-ZZZZ-ZZ"}
    )
    assert "No report with this tracking code or registration number" in unknown.error_summary
    assert not ReportGroup.objects.exists()


def test_a_stale_unlink_saves_nothing(semarang_staff):
    first, second, third = (intake_report(user=semarang_staff) for _index in range(3))
    link(semarang_staff, first, second)
    office = Browser(semarang_staff)
    form = office.open(first.get_absolute_url()).form(having="member", member=str(second.pk))
    link(semarang_staff, first, third)  # another official, meanwhile
    page = office.submit(form)
    assert "changed this report while you were looking at it" in page.error_summary
    assert fresh(second).group_id is not None


# The journey ------------------------------------------------------------------------------


def test_two_citizens_report_the_same_asn_and_are_assessed_together(
    semarang_staff, semarang_commissioner, pemkot_semarang
):
    """Two citizens file through /lapor/ about the same ASN; the office links the reports,
    records one kajian and one pleno; each citizen follows their own report at
    /cek-laporan/ and never sees the other report or reporter."""
    today = timezone.localdate()
    answers = report_answers(pemkot_semarang, known=today - DAY, incident=today - 2 * DAY)
    first_citizen, second_citizen = Browser(phone=True), Browser(phone=True)
    first_code, _done = file_as_citizen(first_citizen, answers)
    second_code, _done = file_as_citizen(
        second_citizen,
        {**answers, "reporter_name": SECOND_REPORTER, "reporter_nik": "3374014101900003"},
    )
    staff, pleno = Browser(semarang_staff), Browser(semarang_commissioner)
    first_url, second_url = find_case(staff, first_code), find_case(staff, second_code)

    page = staff.submit(staff.open(first_url).form(having="other"), {"other": second_code})
    assert page.url == first_url, page.error_summary
    assert "assessed together" in page.text
    assert second_url in page.links
    assert first_url in staff.open(second_url).links
    listing = staff.open(reverse("reports:list"))
    assert len(listing.texts("data-testid", "linked-badge")) == 2

    for url in (first_url, second_url):
        take_step(staff, url, "diterima__kajian_awal")
        take_step(staff, url, "kajian_awal__diregistrasi")
    case = staff.open(second_url)
    assert "Recorded once, for this report and the linked report." in case.text
    assert "diregistrasi__dilimpahkan" not in step_forms(case)

    page = take_step(staff, second_url, "diregistrasi__kajian", note="Kajian bersama.")
    assert "Recorded once for the linked report too" in page.text
    first_page = staff.open(first_url)
    assert first_page.testid("stage") == str(ReportStage.KAJIAN.label)
    assert "Recorded once for the linked reports" in first_page.section("timeline-title")
    assert first_page.testid("joint-kajian")
    assert not [form for form in first_page.forms if "member" in form.names]  # fixed now

    page = take_step(
        pleno,
        first_url,
        "kajian__rekomendasi_diteruskan",
        recommendation_number=LETTER,
        recommendation_date=today,
    )
    assert "Diteruskan ke BKN" in staff.open(second_url).testid("stage")

    numbers = {
        url: re.search(r"Registration number (\S+)", staff.open(url).section("case-title"))[1]
        for url in (first_url, second_url)
    }
    for citizen, code, url, other_url, other_reporter in (
        (first_citizen, first_code, first_url, second_url, SECOND_REPORTER),
        (second_citizen, second_code, second_url, first_url, answers["reporter_name"]),
    ):
        status = check_status(citizen, code, ReportStage.REKOMENDASI_DITERUSKAN)
        assert f"Registration number {numbers[url]}" in status.text
        other_code = first_code if code == second_code else second_code
        for secret in (other_code, normalize(other_code), numbers[other_url], other_reporter):
            assert secret not in status.html
        assert "linked" not in status.text.lower()


def normalize(code: str) -> str:
    return code.replace("-", "")


def test_the_demo_has_a_linked_pair_assessed_together(db):
    """DEM0PGK004 and DEM0PGK005 (two citizens, one campaign meeting, one ASN) are linked;
    the kajian and the pleno were recorded once on DEM0PGK004, one history row each."""
    from bawaslu_portal.demo import seed_portal_demo
    from reports.demo import seed_reports_demo

    seed_reports_demo(portal=seed_portal_demo(password="demo-password-123"))
    first = Report.objects.get(tracking_code="DEM0PGK004")
    second = Report.objects.get(tracking_code="DEM0PGK005")
    assert first.group_id is not None and first.group_id == second.group_id
    assert first.group.assessed_at is not None
    for report in (first, second):
        assert report.stage == ReportStage.DIHENTIKAN
        joint = report.history.filter(data__has_key="joint_decision")
        assert list(joint.values_list("to_stage", flat=True)) == [
            ReportStage.KAJIAN,
            ReportStage.DIHENTIKAN,
        ]
        assert {row.data["joint_decision"]["recorded_on"] for row in joint} == {str(first)}


def test_a_joint_step_from_a_page_read_before_a_link_saves_nothing(semarang_staff):
    """The kajian form was read when the report stood alone; a link since makes it stale,
    so the kajian is not recorded for a group the official never saw."""
    first, second = registered(semarang_staff)
    seen = fresh(first)
    link(semarang_staff, first, second)
    with pytest.raises(ValidationError) as caught:
        report_group_transition(
            actor=semarang_staff,
            report=seen,
            to_stage=ReportStage.KAJIAN,
            expected_version=seen.version,
        )
    assert codes(caught.value) == {"stale_version"}
    assert {fresh(r).stage for r in (first, second)} == {ReportStage.DIREGISTRASI}


def test_a_withdrawn_report_holds_the_group_until_it_is_unlinked(semarang_staff):
    """A linked laporan is withdrawn: the group's kajian names it; unlinked from the other
    report's page, the group dissolves and the other report goes on alone."""
    (first,) = registered(semarang_staff, 1)
    withdrawn = intake_report(user=semarang_staff)
    link(semarang_staff, first, withdrawn)
    single_step(semarang_staff, withdrawn, ReportStage.DICABUT, reason="Dicabut pelapor.")
    with pytest.raises(ValidationError) as caught:
        step(semarang_staff, first, ReportStage.KAJIAN)
    assert codes(caught.value) == {"group_not_ready"}
    assert str(fresh(withdrawn)) in caught.value.messages[0]
    assert "or unlink them" in caught.value.messages[0]
    office = Browser(semarang_staff)
    page = office.open(first.get_absolute_url())
    assert "diregistrasi__kajian" in step_forms(page)
    after = office.submit(page.form(having="member", member=str(withdrawn.pk)))
    assert "is no longer linked to the others" in after.text
    assert fresh(first).group_id is None and not ReportGroup.objects.exists()
    take_step(office, first.get_absolute_url(), "diregistrasi__kajian")
