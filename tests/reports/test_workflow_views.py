"""The workflow action pages: POST a step or a comment, errors back on the form, 403/404."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from bawaslu_portal.models import UserRole
from reports.forms.cases import comment_form_for
from reports.forms.workflow import transition_actions
from reports.models import ReportComment, ReportHistory, ReportStage
from tests.factories import UserFactory
from tests.factories.reports import ReportFactory
from tests.querycount import count_queries


def url(report):
    return reverse("reports:transition", args=[report.pk])


def test_staff_takes_a_step_and_is_redirected(client_for, semarang_staff):
    """A valid step moves the report and redirects to the case page with a message."""
    report = ReportFactory(office=semarang_staff.agency)
    response = client_for(semarang_staff).post(
        url(report),
        {"transition": "diterima__kajian_awal", "version": "1", "note": "Mulai kajian."},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == report.get_absolute_url()
    report.refresh_from_db()
    assert report.stage == ReportStage.KAJIAN_AWAL
    assert ReportHistory.objects.get(report=report).note == "Mulai kajian."


def test_missing_reason_comes_back_with_a_specific_error(client_for, semarang_staff):
    """The error summary lists the field with a specific message; the title says Kesalahan."""
    report = ReportFactory(office=semarang_staff.agency, stage=ReportStage.KAJIAN_AWAL)
    response = client_for(semarang_staff).post(
        url(report), {"transition": "kajian_awal__tidak_diregistrasi", "version": "1"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-error-summary" in html
    assert re.search(r"<title>\s*(Kesalahan|Error):", html)
    assert 'href="#id_kajian_awal__tidak_diregistrasi_reason"' in html
    report.refresh_from_db()
    assert report.stage == ReportStage.KAJIAN_AWAL


def test_stale_page_is_told_and_nothing_is_saved(client_for, semarang_staff):
    """Posting with an old version shows the stale message on the form."""
    report = ReportFactory(office=semarang_staff.agency, stage=ReportStage.KAJIAN_AWAL, version=3)
    response = client_for(semarang_staff).post(
        url(report),
        {"transition": "kajian_awal__diregistrasi", "version": "2"},
    )
    assert response.status_code == 200
    assert "data-error-summary" in response.content.decode()
    report.refresh_from_db()
    assert report.registration_number == ""


def test_step_of_another_stage_is_refused_by_the_service(client_for, semarang_staff):
    """A form from an older page for a step no longer available: the service says why."""
    report = ReportFactory(office=semarang_staff.agency, stage=ReportStage.KLARIFIKASI)
    response = client_for(semarang_staff).post(
        url(report), {"transition": "diterima__kajian_awal", "version": "1"}
    )
    assert response.status_code == 200
    assert "data-error-summary" in response.content.decode()
    report.refresh_from_db()
    assert report.stage == ReportStage.KLARIFIKASI


@pytest.mark.parametrize("who", ["partner", "viewer", "staff_for_decision"])
def test_forbidden_steps_are_403(who, client_for, semarang_partner, bawaslu_semarang):
    report = ReportFactory(office=bawaslu_semarang, stage=ReportStage.KAJIAN)
    user = {
        "partner": semarang_partner,
        "viewer": UserFactory(agency=bawaslu_semarang, role=UserRole.VIEWER),
        "staff_for_decision": UserFactory(agency=bawaslu_semarang, role=UserRole.STAFF),
    }[who]
    response = client_for(user).post(
        url(report),
        {
            "transition": "kajian__dihentikan",
            "version": "1",
            "reason": "Bukan pelanggaran.",
        },
    )
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.stage == ReportStage.KAJIAN


def test_other_city_gets_404(client_for, serang_staff, bawaslu_semarang):
    report = ReportFactory(office=bawaslu_semarang)
    response = client_for(serang_staff).post(
        url(report), {"transition": "diterima__kajian_awal", "version": "1"}
    )
    assert response.status_code == 404


def test_unknown_step_is_404(client_for, semarang_staff):
    report = ReportFactory(office=semarang_staff.agency)
    response = client_for(semarang_staff).post(url(report), {"transition": "x__y", "version": "1"})
    assert response.status_code == 404


def test_get_shows_one_step_alone(client_for, semarang_commissioner, pemkot_semarang):
    """``?langkah=`` shows the form of one step; radio groups sit in a fieldset with a legend."""
    report = ReportFactory(
        office=semarang_commissioner.agency,
        stage=ReportStage.TINDAK_LANJUT_PPK,
        registration_number="001/Reg/LP/PL/33.74/I/2024",
    )
    response = client_for(semarang_commissioner).get(
        url(report), {"langkah": "tindak_lanjut_ppk__selesai"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<fieldset" in html and "<legend" in html
    assert 'type="date"' in html
    assert "data-confirm" in html


def test_get_for_an_unavailable_step_redirects(client_for, semarang_staff):
    report = ReportFactory(office=semarang_staff.agency)
    response = client_for(semarang_staff).get(url(report), {"langkah": "klarifikasi__kajian"})
    assert response.status_code == 302


def test_full_follow_through_over_http(client_for, semarang_commissioner, pemkot_semarang):
    """Register → kajian → recommendation → BKN → PPK decision, all through the forms."""
    client = client_for(semarang_commissioner)
    report = ReportFactory(office=semarang_commissioner.agency, stage=ReportStage.KAJIAN_AWAL)
    steps = [
        ("kajian_awal__diregistrasi", {}),
        ("diregistrasi__kajian", {}),
        (
            "kajian__rekomendasi_diteruskan",
            {"recommendation_number": "5/PM/2024", "recommendation_date": "2024-02-01"},
        ),
        (
            "rekomendasi_diteruskan__tindak_lanjut_ppk",
            {
                "bkn_recommendation_number": "R-9/BKN/2024",
                "bkn_recommendation_date": "2024-02-20",
                "ppk_agency": str(pemkot_semarang.pk),
            },
        ),
        (
            "tindak_lanjut_ppk__selesai",
            {"ppk_sanction": "moral_terbuka", "ppk_decision_date": "2024-03-05"},
        ),
    ]
    for version, (key, data) in enumerate(steps, start=1):
        response = client.post(url(report), {"transition": key, "version": version, **data})
        assert response.status_code == 302, response.content.decode()[:2000]
    report.refresh_from_db()
    assert report.stage == ReportStage.SELESAI
    assert report.ppk_decision_date == datetime.date(2024, 3, 5)
    assert report.registration_number.startswith("001/Reg/LP/PL/33.74/")


def test_comment_by_the_provincial_office(client_for, jateng_staff, bawaslu_semarang):
    report = ReportFactory(office=bawaslu_semarang, stage=ReportStage.KAJIAN_AWAL)
    response = client_for(jateng_staff).post(
        reverse("reports:comment_add", args=[report.pk]), {"text": "Mohon cek status PPPK."}
    )
    assert response.status_code == 302
    assert ReportComment.objects.get(report=report).office == jateng_staff.agency


def test_empty_comment_comes_back_with_an_error(client_for, semarang_staff):
    report = ReportFactory(office=semarang_staff.agency)
    response = client_for(semarang_staff).post(
        reverse("reports:comment_add", args=[report.pk]), {"text": ""}
    )
    assert response.status_code == 200
    assert "data-error-summary" in response.content.decode()
    assert not ReportComment.objects.exists()


def test_comment_from_another_city_is_404(client_for, serang_staff, bawaslu_semarang):
    report = ReportFactory(office=bawaslu_semarang)
    response = client_for(serang_staff).post(
        reverse("reports:comment_add", args=[report.pk]), {"text": "x"}
    )
    assert response.status_code == 404


def _render_include(user, report):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "reports/includes/transition_forms.html",
        {
            "report": report,
            "actions": transition_actions(user=user, report=report),
            "comment_form": comment_form_for(user=user, report=report),
        },
        request=request,
    )


def test_include_renders_one_form_per_allowed_step(semarang_commissioner):
    """Each allowed step gets its own form with unique field ids; no inline script or style."""
    report = ReportFactory(office=semarang_commissioner.agency, stage=ReportStage.KAJIAN_AWAL)
    html = _render_include(semarang_commissioner, report)
    keys = re.findall(r'name="transition" value="([^"]+)"', html)
    assert set(keys) == {
        "kajian_awal__perlu_dilengkapi",
        "kajian_awal__diregistrasi",
        "kajian_awal__tidak_diregistrasi",
        "kajian_awal__dicabut",
        "kajian_awal__dilimpahkan",
    }
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert "<script" not in html and "style=" not in html and " onclick" not in html
    assert 'id="id_comment_text"' in html


def test_include_is_empty_for_a_viewer(bawaslu_semarang):
    viewer = UserFactory(agency=bawaslu_semarang, role=UserRole.VIEWER)
    report = ReportFactory(office=bawaslu_semarang)
    assert _render_include(viewer, report).strip() == ""


@pytest.mark.parametrize("stage", [ReportStage.KAJIAN_AWAL, ReportStage.REKOMENDASI_DITERUSKAN])
def test_action_page_queries_do_not_grow_with_the_case(client_for, semarang_commissioner, stage):
    """The step page runs the same number of queries for a case with 2 or 12 history rows."""
    client = client_for(semarang_commissioner)
    key = {
        ReportStage.KAJIAN_AWAL: "kajian_awal__dilimpahkan",
        ReportStage.REKOMENDASI_DITERUSKAN: "rekomendasi_diteruskan__tindak_lanjut_ppk",
    }[stage]

    def page_queries(rows):
        report = ReportFactory(
            office=semarang_commissioner.agency,
            stage=stage,
            registration_number=f"{rows}/Reg/LP/PL/33.74/I/2024",
        )
        ReportHistory.objects.bulk_create(
            ReportHistory(report=report, to_stage=stage, note=str(i)) for i in range(rows)
        )
        for i in range(rows):
            ReportComment.objects.create(report=report, stage=stage, text=str(i))
        return count_queries(lambda: client.get(url(report), {"langkah": key}))

    client.get("/")  # warm the session
    assert page_queries(2) == page_queries(12)


@pytest.mark.parametrize("version", ["", "abc", "0"])
def test_a_damaged_step_form_gets_a_specific_error(client_for, semarang_staff, version):
    """A POST without a usable version says to start the step again; nothing changes."""
    report = ReportFactory(office=semarang_staff.agency)
    client = client_for(semarang_staff)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = client.post(url(report), {"transition": "diterima__kajian_awal", "version": version})
    assert response.status_code == 200
    assert "start the step again" in str(response.context["form"].errors["version"])
    report.refresh_from_db()
    assert report.stage == ReportStage.DITERIMA
