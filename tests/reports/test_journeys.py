"""Journeys across people, end to end over HTTP, as each of them takes their part.

The citizen files on a phone through ``/lapor/`` and follows the case at
``/cek-laporan/``; the officials of Bawaslu Kota Semarang and Bawaslu Provinsi
Jawa Tengah work on the case pages; the partner official of Pemerintah Kota
Semarang works in "My tasks". Every change is a form a page rendered, sent by
its own button (``tests.browsing``): no service moves a case here. The
database is read only to find a case's id and to check what no page can show
(that nothing was saved).

The public form is filled in from what it renders: the answers below for the
fields it has, a plausible value for any other field it marks required, and
its steps walked one by one, so the journeys survive the form's reshaping.
"""

import datetime
import re
import zoneinfo
from unittest.mock import patch

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from bawaslu_portal.models import AgencyKind, AuditEvent, AuditKind, UserRole
from bawaslu_portal.timefmt import format_date
from coordination.models import FollowUpStatus
from reports.deadlines import statutory_deadline
from reports.models import (
    DeadlineStep,
    RegistrationCounter,
    Report,
    ReportHistory,
    ReportSource,
    ReportStage,
    Sanction,
    normalize_tracking_code,
)
from reports.workflow import transitions_from
from tests.browsing import Browser, Page, complete
from tests.factories import AgencyFactory, UserFactory
from tests.factories.reports import pilkada

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
REPORTER_NAME = "Sri Rahayu Kusumaningtyas"
REPORTED_NAME = "Bambang Sutejo"
DAY = datetime.timedelta(days=1)
#: How the done page and the status check tell a late filer that the laporan will not be
#: registered (the wording of these pages is being reworked: any of these phrasings will do).
WILL_NOT_BE_REGISTERED = re.compile(r"\b(will not|cannot|can ?not|won't) be registered", re.I)
#: What the done page promises a report made in time; a late one must not be promised it.
ASSESSMENT_PROMISE = "registered and handled"
STEP_DONE = "done. The report is now in stage"
STALE = "changed this report while you were looking at it"


@pytest.fixture(autouse=True)
def fresh_cache():
    """The public pages' rate-limit counters live in the cache; start and end with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def jateng_commissioner(bawaslu_jateng):
    return UserFactory(username="jateng.ketua", agency=bawaslu_jateng, role=UserRole.COMMISSIONER)


def frozen(moment: datetime.datetime):
    """The portal's clock stands at ``moment`` (every ``timezone.now()``)."""
    return patch("django.utils.timezone.now", return_value=moment)


def report_answers(pemkot, *, known: datetime.date, incident: datetime.date) -> dict:
    """What a reporter tells about a Pemkot Semarang official sharing campaign posts."""
    return {
        "source": "laporan",
        "reporter_name": REPORTER_NAME,
        "reporter_nik": "3374014101900002",
        "reporter_birth_place": "Semarang",
        "reporter_birth_date": "1990-01-01",
        "reporter_sex": "P",
        "reporter_citizenship": "wni",
        "reporter_occupation": "Guru",
        "reporter_address": "Jl. Pandanaran No. 5, Semarang",
        "reporter_phone": "0812-2233-4455",
        "reported_name": REPORTED_NAME,
        "reported_position": "Kepala Seksi Pemerintahan",
        "reported_agency": str(pemkot.pk),
        "reported_employment": "pns",
        "reported_address": "Kantor Kecamatan Semarang Tengah",
        "election": str(pilkada().pk),
        "incident_date": incident.isoformat(),
        "incident_time": "09:30",
        "known_date": known.isoformat(),
        "incident_place": "Akun Instagram pribadi",
        "incident_kelurahan": "33.74.01.1001",
        "description": "ASN membagikan unggahan kampanye calon wali kota dan mengajak memilihnya.",
        "evidence_links": "https://www.instagram.com/p/contoh/",
    }


def file_as_citizen(citizen: Browser, answers: dict) -> tuple[str, Page]:
    """``/lapor/`` → Kota Semarang → the form, step by step → the done page; (code, done page)."""
    start = citizen.open(reverse("reports:public_start"))
    form_page = citizen.submit(start.form(method="get", having="kabkota"), {"kabkota": "33.74"})
    assert form_page.url == reverse("reports:public_form", args=["33.74"])
    done = complete(citizen, form_page, answers, having="reported_name")
    assert done.url == reverse("reports:public_done"), done.error_summary
    code = done.testid("tracking-code")
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}", code or ""), code
    assert REPORTER_NAME not in done.html
    return code, done


def check_status(citizen: Browser, code: str, stage: ReportStage) -> Page:
    """The citizen POSTs the code at ``/cek-laporan/`` and sees ``stage``, never their name."""
    page = citizen.open(reverse("reports:status_check"))
    result = citizen.submit(page.form(having="code"), {"code": code})
    assert result.status == 200
    assert f"Handling status: {stage.label}" in (result.testid("status-result") or ""), result.text
    assert REPORTER_NAME not in result.html
    return result


def record_at_office(official: Browser, answers: dict) -> str:
    """``/laporan/`` → "Add a report" → the form → the new case page; its URL."""
    listing = official.open(reverse("reports:list"))
    assert reverse("reports:create") in listing.links
    case = complete(
        official, official.open(reverse("reports:create")), answers, having="reported_name"
    )
    assert re.fullmatch(r"/laporan/\d+/", case.url), case.error_summary
    assert "recorded; the kajian awal is due on" in case.text
    return case.url


def find_case(official: Browser, code: str) -> str:
    """The case of tracking code ``code`` as it appears in the official's list."""
    url = Report.objects.get(tracking_code=normalize_tracking_code(code)).get_absolute_url()
    assert url in official.open(reverse("reports:list")).links
    return url


def step_forms(page: Page) -> list[str]:
    """The keys of the workflow steps the page offers."""
    return [form.data["transition"][0] for form in page.forms if "transition" in form.data]


def take_step(official: Browser, case_url: str, key: str, **values) -> Page:
    """Open the case page, send the form of step ``key`` with ``values``; the case page after."""
    form = official.open(case_url).form(transition=key)
    typed = {
        name: value.isoformat() if isinstance(value, datetime.date) else value
        for name, value in values.items()
    }
    page = official.submit(form, typed)
    assert page.url == case_url, f"{key}: {page.status} {page.url} {page.error_summary}"
    assert STEP_DONE in page.text
    return page


def check_case(page: Page, stage, deadline: tuple[str, datetime.date] | None) -> None:
    """The case page's stage badge and its current deadline (step label and day) or none."""
    assert page.testid("stage") == str(stage)
    current = page.testid("current-deadline")
    if deadline is None:
        assert "No deadline running" in current
    else:
        step, day = deadline
        assert f"{DeadlineStep(step).label}: {format_date(day)}" in current, current


def assert_in_order(text: str, parts) -> None:
    position = 0
    for part in map(str, parts):
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing (in order) from: {text}"
        position = found + len(part)


def registration_number(page: Page) -> str:
    match = re.search(r"Registration number (\S+)", page.section("case-title"))
    assert match, page.section("case-title")
    return match.group(1)


def follow_ups(official: Browser) -> dict[str, str]:
    """Every follow-up in the official's list: {title: URL}."""
    listing = official.open(reverse("coordination:follow_up_list"))
    found = {}
    for url in dict.fromkeys(listing.links):
        if re.fullmatch(r"/tindak-lanjut/\d+/", url):
            found[official.open(url).heading] = url
    return found


def follow_up_status(official: Browser, url: str) -> str:
    """A follow-up's status, as the status form on its page preselects it (officials only)."""
    return official.open(url).form(having="status").data["status"][0]


def walk_to_ppk(
    staff: Browser,
    pleno: Browser,
    case_url: str,
    pemkot,
    *,
    on: datetime.date,
    resume: str = "diterima__kajian_awal",
    recommendation_number: str = "012/PM.00.02/K.JT-28/2026",
    after_step=None,
):
    """The handling office's steps from receipt to the PPK, all letters dated ``on``.

    ``resume`` is the step that opens the kajian awal: from receipt, or for an office
    that took the case over or had it forwarded, ``diambil_alih__kajian_awal`` or
    ``dilimpahkan__kajian_awal``. ``after_step(key, page)``, when given, runs after each
    step with the case page it left.
    """
    steps = [
        (staff, resume, {}),
        (staff, "kajian_awal__diregistrasi", {}),
        (staff, "diregistrasi__kajian", {}),
        (
            pleno,
            "kajian__rekomendasi_diteruskan",
            {"recommendation_number": recommendation_number, "recommendation_date": on},
        ),
        (
            staff,
            "rekomendasi_diteruskan__tindak_lanjut_ppk",
            {
                "bkn_recommendation_number": "R-345/BKN/2026",
                "bkn_recommendation_date": on,
                "ppk_agency": str(pemkot.pk),
            },
        ),
    ]
    for official, key, values in steps:
        page = take_step(official, case_url, key, **values)
        if after_step is not None:
            after_step(key, page)


def test_a_citizens_laporan_from_the_phone_to_the_ppks_sanction(
    semarang_staff, semarang_commissioner, pemkot_semarang
):
    """A citizen files on a phone; the office takes every step to the PPK's sanction.

    After each step the case page shows the new stage and the deadline that step
    started, and the citizen's status check shows the new handling status, and
    never the reporter's name.
    """
    today = timezone.localdate()
    kind = pilkada().type
    citizen = Browser(phone=True)
    code, done = file_as_citizen(
        citizen, report_answers(pemkot_semarang, known=today - DAY, incident=today - 2 * DAY)
    )
    assert done.testid("late-notice") is None
    assert not WILL_NOT_BE_REGISTERED.search(done.text)
    check_status(citizen, code, ReportStage.DITERIMA)

    staff, pleno = Browser(semarang_staff), Browser(semarang_commissioner)
    case_url = find_case(staff, code)
    case = staff.open(case_url)
    check_case(
        case,
        ReportStage.DITERIMA.label,
        ("kajian_awal", statutory_deadline(kind, "kajian_awal", today)),
    )
    assert REPORTER_NAME not in case.html  # only behind "Show reporter identity"

    def due(step: str, start: datetime.date = today):
        return step, statutory_deadline(kind, step, start)

    steps = [
        (staff, "diterima__kajian_awal", {}, ReportStage.KAJIAN_AWAL, due("kajian_awal")),
        (
            staff,
            "kajian_awal__perlu_dilengkapi",
            {"note": "Lampirkan tangkapan layar unggahan."},
            ReportStage.PERLU_DILENGKAPI,
            due("completion"),
        ),
        (staff, "perlu_dilengkapi__kajian_awal", {}, ReportStage.KAJIAN_AWAL, due("kajian_awal")),
        (staff, "kajian_awal__diregistrasi", {}, ReportStage.DIREGISTRASI, due("handling")),
        (staff, "diregistrasi__klarifikasi", {}, ReportStage.KLARIFIKASI, due("handling")),
        (staff, "klarifikasi__kajian", {}, ReportStage.KAJIAN, due("handling")),
        (
            pleno,
            "kajian__rekomendasi_diteruskan",
            {"recommendation_number": "012/PM.00.02/K.JT-28/2026", "recommendation_date": today},
            ReportStage.REKOMENDASI_DITERUSKAN,
            due("bkn_response"),
        ),
        (
            staff,
            "rekomendasi_diteruskan__tindak_lanjut_ppk",
            {
                "bkn_recommendation_number": "R-345/BKN/2026",
                "bkn_recommendation_date": today,
                "ppk_agency": str(pemkot_semarang.pk),
            },
            ReportStage.TINDAK_LANJUT_PPK,
            due("ppk_decision"),
        ),
        (
            staff,
            "tindak_lanjut_ppk__selesai",
            {
                "ppk_sanction": Sanction.SEDANG_9,
                "ppk_decision_date": today,
                "ppk_decision_number": "800/123/2026",
            },
            ReportStage.SELESAI,
            None,
        ),
    ]
    number = None
    for official, key, values, stage, deadline in steps:
        if key == "kajian__rekomendasi_diteruskan":
            # A pleno decision: the staff's page does not offer it.
            assert key not in step_forms(staff.open(case_url))
        if key == "rekomendasi_diteruskan__tindak_lanjut_ppk":
            # For today's letters the recipient is BKN, and the reported ASN's Pemkot is the PPK.
            before = official.open(case_url)
            assert before.form(transition=key).data["ppk_agency"] == [str(pemkot_semarang.pk)]
            assert "Number of BKN's recommendation" in before.text
        page = take_step(official, case_url, key, **values)
        shown = "Diteruskan ke BKN" if stage == ReportStage.REKOMENDASI_DITERUSKAN else stage.label
        check_case(page, shown, deadline)
        status = check_status(citizen, code, stage)
        if deadline is None:
            assert "Next step due by" not in status.text
        else:
            assert f"Next step due by {format_date(deadline[1])}" in status.text
        if stage == ReportStage.DIREGISTRASI:
            number = registration_number(page)
            assert re.fullmatch(r"\d{3}/Reg/LP/PW/33\.74/[IVX]+/\d{4}", number), number
        if number:
            assert f"Registration number {number}" in status.text

    assert str(Sanction.SEDANG_9.label) in page.section("case-title")
    assert step_forms(page) == []
    timeline = page.section("timeline-title")
    assert_in_order(
        timeline,
        [
            ReportStage.DITERIMA.label,
            "the reporter (public form)",
            ReportStage.KAJIAN_AWAL.label,
            ReportStage.PERLU_DILENGKAPI.label,
            "Lampirkan tangkapan layar unggahan.",
            ReportStage.KAJIAN_AWAL.label,
            ReportStage.DIREGISTRASI.label,
            ReportStage.KLARIFIKASI.label,
            ReportStage.KAJIAN.label,
            ReportStage.REKOMENDASI_DITERUSKAN.label,
            semarang_commissioner,
            ReportStage.TINDAK_LANJUT_PPK.label,
            ReportStage.SELESAI.label,
            semarang_staff,
        ],
    )
    # The citizen's list of steps names every stage the case went through, and no one.
    steps_so_far = check_status(citizen, code, ReportStage.SELESAI).testid("status-result")
    assert_in_order(
        steps_so_far,
        [ReportStage.DITERIMA.label, ReportStage.PERLU_DILENGKAPI.label, ReportStage.SELESAI.label],
    )
    assert str(semarang_staff) not in steps_so_far


def test_the_ppks_government_follows_the_case_up_in_my_tasks(
    semarang_staff, semarang_commissioner, semarang_partner, pemkot_semarang
):
    """Once the case reaches the PPK, Pemkot Semarang's official reports progress in "My tasks".

    The office reads that progress on the follow-up; the partner never sees the
    case file (403/404) nor the reporter's name; the PPK's decision closes the task.
    """
    today = timezone.localdate()
    staff, pleno = Browser(semarang_staff), Browser(semarang_commissioner)
    case_url = record_at_office(
        staff, report_answers(pemkot_semarang, known=today - DAY, incident=today - 2 * DAY)
    )
    walk_to_ppk(staff, pleno, case_url, pemkot_semarang, on=today)

    partner = Browser(semarang_partner)
    my_tasks = reverse("coordination:my_tasks")
    assert my_tasks in partner.open("/").links
    tasks = partner.open(my_tasks)
    task_urls = [url for url in tasks.links if re.fullmatch(r"/tindak-lanjut/\d+/", url)]
    assert len(task_urls) == 1, tasks.links
    task_url = task_urls[0]
    assert "Decide the sanction on BKN recommendation R-345/BKN/2026" in tasks.text
    listing = partner.open(reverse("coordination:follow_up_list"))
    assert task_url in listing.links
    task = partner.open(task_url)
    progress = "Sidang disiplin dijadwalkan oleh Inspektorat Kota Semarang."
    updated = partner.submit(task.form(having="text"), {"text": progress})
    assert updated.url == task_url, updated.error_summary
    assert "The progress was recorded." in updated.text
    assert progress in updated.text
    for page in (tasks, listing, task, updated):
        assert REPORTER_NAME not in page.html
    assert partner.open(case_url).status in (403, 404)
    step_url = f"{case_url}tindakan/?langkah=tindak_lanjut_ppk__selesai"
    assert partner.open(step_url).status in (403, 404)

    # The office sees the partner's progress on the follow-up.
    assert task_url in staff.open(reverse("coordination:follow_up_list")).links
    assert progress in staff.open(task_url).text

    # The PPK's decision, recorded by the office, closes the partner's task.
    take_step(
        staff,
        case_url,
        "tindak_lanjut_ppk__selesai",
        ppk_sanction=Sanction.MORAL_TERBUKA,
        ppk_decision_date=today,
    )
    task = partner.open(task_url)
    assert "Completed" in task.text
    assert not [form for form in task.forms if "text" in form.names]  # no more progress
    assert follow_up_status(staff, task_url) == FollowUpStatus.SELESAI
    assert REPORTER_NAME not in task.html


def test_an_official_records_a_temuan_and_registers_it_with_a_tm_number(semarang_staff):
    """A temuan recorded at ``/laporan/baru/`` is in the list; registering numbers it TM."""
    today = timezone.localdate()
    staff = Browser(semarang_staff)
    answers = {
        "source": "temuan",
        "reported_name": REPORTED_NAME,
        "reported_position": "Lurah",
        "reported_agency_name": "Kelurahan Pekunden",
        "reported_employment": "pns",
        "election": str(pilkada().pk),
        "incident_date": (today - DAY).isoformat(),
        "known_date": (today - DAY).isoformat(),
        "incident_place": "Balai Kelurahan Pekunden",
        "incident_kelurahan": "33.74.01.1001",
        "description": "Pengawas kelurahan mendapati lurah menghadiri kampanye calon.",
    }
    case_url = record_at_office(staff, answers)
    case = staff.open(case_url)
    check_case(
        case,
        ReportStage.DITERIMA.label,
        ("kajian_awal", statutory_deadline(pilkada().type, "kajian_awal", today)),
    )
    assert str(ReportSource.TEMUAN.label) in case.text
    assert case_url in staff.open(reverse("reports:list")).links

    take_step(staff, case_url, "diterima__kajian_awal")
    page = take_step(staff, case_url, "kajian_awal__diregistrasi")
    number = registration_number(page)
    assert re.fullmatch(r"\d{3}/Reg/TM/PW/33\.74/[IVX]+/\d{4}", number), number
    assert number in staff.open(reverse("reports:list")).text


def test_semarang_forwards_a_case_to_the_province_and_reads_its_comment(
    semarang_staff, jateng_staff, bawaslu_jateng, pemkot_semarang
):
    """The province comments on the kajian awal; Semarang forwards the case to it.

    From then on the province acts on the case and Semarang, which still sees
    it, gets 403 on its steps.
    """
    today = timezone.localdate()
    city, province = Browser(semarang_staff), Browser(jateng_staff)
    case_url = record_at_office(
        city, report_answers(pemkot_semarang, known=today - DAY, incident=today - 2 * DAY)
    )
    take_step(city, case_url, "diterima__kajian_awal")

    page = province.open(case_url)
    assert step_forms(page) == []  # the province only comments while Semarang handles it
    comment = "Mohon dicek apakah terlapor berstatus PNS atau PPPK."
    commented = province.submit(page.form(having="text"), {"text": comment})
    assert commented.url == case_url, commented.error_summary
    assert "Your comment was added." in commented.text
    seen = city.open(case_url).section("comments-title")
    assert comment in seen
    assert "Bawaslu Provinsi Jawa Tengah" in seen

    form = city.open(case_url).form(transition="kajian_awal__dilimpahkan")
    assert str(bawaslu_jateng.pk) in form.options["target_office"]
    page = take_step(
        city,
        case_url,
        "kajian_awal__dilimpahkan",
        target_office=str(bawaslu_jateng.pk),
        note="Terlapor pejabat di lingkungan Pemprov; dilimpahkan ke Bawaslu Provinsi.",
    )
    check_case(
        page,
        ReportStage.DILIMPAHKAN.label,
        ("kajian_awal", statutory_deadline(pilkada().type, "kajian_awal", today)),
    )
    assert "Handling office Bawaslu Provinsi Jawa Tengah" in page.section("case-title")
    assert step_forms(page) == []
    step_url = reverse("reports:transition", args=[Report.objects.get().pk])
    assert city.open(f"{step_url}?langkah=dilimpahkan__kajian_awal").status == 403

    page = take_step(province, case_url, "dilimpahkan__kajian_awal")
    check_case(
        page,
        ReportStage.KAJIAN_AWAL.label,
        ("kajian_awal", statutory_deadline(pilkada().type, "kajian_awal", today)),
    )
    still = city.open(case_url)
    assert still.status == 200
    assert still.testid("stage") == str(ReportStage.KAJIAN_AWAL.label)
    assert city.open(f"{step_url}?langkah=kajian_awal__diregistrasi").status == 403


def test_a_province_commissioner_takes_a_semarang_case_over(
    semarang_staff, jateng_staff, jateng_commissioner, bawaslu_jateng, pemkot_semarang
):
    """Diambil alih: the province's commissioner takes the case for the province.

    The province's staff are not offered the take-over (a pleno decision); after
    it, Semarang sees the case but its steps are 403, and the province goes on.
    """
    today = timezone.localdate()
    city = Browser(semarang_staff)
    case_url = record_at_office(
        city, report_answers(pemkot_semarang, known=today - DAY, incident=today - 2 * DAY)
    )
    take_step(city, case_url, "diterima__kajian_awal")
    assert "kajian_awal__diambil_alih" not in step_forms(Browser(jateng_staff).open(case_url))

    chair = Browser(jateng_commissioner)
    form = chair.open(case_url).form(transition="kajian_awal__diambil_alih")
    assert [office for office in form.options["target_office"] if office] == [
        str(bawaslu_jateng.pk)
    ]
    page = take_step(
        chair,
        case_url,
        "kajian_awal__diambil_alih",
        target_office=str(bawaslu_jateng.pk),
        note="Diambil alih: terlapor menjabat di dua kabupaten/kota.",
    )
    assert page.testid("stage") == str(ReportStage.DIAMBIL_ALIH.label)
    assert "Handling office Bawaslu Provinsi Jawa Tengah" in page.section("case-title")
    assert_in_order(
        page.section("timeline-title"),
        [ReportStage.DIAMBIL_ALIH.label, jateng_commissioner, "Diambil alih: terlapor"],
    )

    still = city.open(case_url)
    assert still.status == 200
    assert step_forms(still) == []
    step_url = reverse("reports:transition", args=[Report.objects.get().pk])
    assert city.open(f"{step_url}?langkah=diambil_alih__kajian_awal").status == 403
    page = take_step(chair, case_url, "diambil_alih__kajian_awal")
    assert page.testid("stage") == str(ReportStage.KAJIAN_AWAL.label)


def city_cannot_act(city: Browser, case_url: str, stage: ReportStage) -> None:
    """Semarang opens the case it no longer handles, in ``stage``: no step offered, every
    step 403."""
    page = city.open(case_url)
    assert page.status == 200
    shown = "Diteruskan ke BKN" if stage == ReportStage.REKOMENDASI_DITERUSKAN else stage.label
    assert page.testid("stage") == str(shown)
    assert step_forms(page) == []
    step_url = f"{case_url}tindakan/"
    for transition in transitions_from(stage):
        refused = city.open(f"{step_url}?langkah={transition.key}")
        assert refused.status == 403, f"{transition.key}: {refused.status} {refused.url}"


def check_public_status(citizen: Browser, code: str, stage: ReportStage, *, secrets) -> str:
    """``check_status``, handled by the province, and none of ``secrets`` (notes, names)."""
    result = check_status(citizen, code, stage)
    shown = result.testid("status-result")
    assert "Handled by Bawaslu Provinsi Jawa Tengah" in shown, shown
    for secret in secrets:
        assert str(secret) not in result.html, secret
    return shown


@pytest.fixture
def jateng_partner(regions):
    """A partner official of another government (the province's), not the PPK here."""
    pemprov = AgencyFactory(
        name="Pemerintah Provinsi Jawa Tengah", kind=AgencyKind.PEMDA, region_id="33"
    )
    return UserFactory(username="jateng.pemprov", agency=pemprov, role=UserRole.PARTNER)


def test_a_public_filing_taken_over_by_the_province_is_carried_to_the_ppks_decision(
    client_for,
    semarang_staff,
    semarang_commissioner,
    jateng_staff,
    jateng_commissioner,
    semarang_partner,
    jateng_partner,
    bawaslu_jateng,
    pemkot_semarang,
):
    """Citizen → Bawaslu Kota Semarang → taken over by Bawaslu Provinsi Jawa Tengah, which
    takes every further step → Pemkot Semarang, the PPK, in "My tasks".

    At each handoff: the citizen's status check follows the case to the province and
    shows no note and no official's name; Semarang still opens the case but is offered
    no step and gets 403 on every one; the province's staff and commissioner take the
    steps their roles allow; the province's handlers see the reporter's identity, each
    view audited; the PPK's task goes to Pemkot Semarang only, which never sees the
    reporter nor the case file; the province's record of the PPK's decision closes it.
    """
    for user, name in (
        (semarang_staff, "Wulan Pratiwi"),
        (semarang_commissioner, "Agus Setiawan"),
        (jateng_staff, "Hendra Kurniawan"),
        (jateng_commissioner, "Retno Anggraini"),
    ):
        user.first_name, user.last_name = name.split()
        user.save(update_fields=["first_name", "last_name"])
    officials = (semarang_staff, semarang_commissioner, jateng_staff, jateng_commissioner)
    today = timezone.localdate()
    kind = pilkada().type

    # The citizen files through the public form, without an account.
    citizen = Browser(phone=True)
    code, _done = file_as_citizen(
        citizen, report_answers(pemkot_semarang, known=today - DAY, incident=today - 2 * DAY)
    )
    shown = check_status(citizen, code, ReportStage.DITERIMA).testid("status-result")
    assert "Handled by Bawaslu Kota Semarang" in shown, shown

    # Semarang receives it and starts the kajian awal.
    city, city_chair = Browser(semarang_staff), Browser(semarang_commissioner)
    case_url = find_case(city, code)
    report = Report.objects.get(tracking_code=normalize_tracking_code(code))
    assert report.via_public_form
    take_step(city, case_url, "diterima__kajian_awal")

    # The province's commissioner takes it over (its staff are not offered the take-over).
    province, chair = Browser(jateng_staff), Browser(jateng_commissioner)
    assert "kajian_awal__diambil_alih" not in step_forms(province.open(case_url))
    take_over_note = "Diambil alih: terlapor menjabat di dua kabupaten/kota."
    page = take_step(
        chair,
        case_url,
        "kajian_awal__diambil_alih",
        target_office=str(bawaslu_jateng.pk),
        note=take_over_note,
    )
    check_case(
        page,
        ReportStage.DIAMBIL_ALIH.label,
        ("kajian_awal", statutory_deadline(kind, "kajian_awal", today)),
    )
    assert "Handling office Bawaslu Provinsi Jawa Tengah" in page.section("case-title")
    secrets = (REPORTER_NAME, take_over_note, *officials)
    check_public_status(citizen, code, ReportStage.DIAMBIL_ALIH, secrets=secrets)
    for browser in (city, city_chair):
        city_cannot_act(browser, case_url, ReportStage.DIAMBIL_ALIH)
    # Both the province's staff and its commissioner may open the kajian awal now.
    assert "diambil_alih__kajian_awal" in step_forms(province.open(case_url))
    assert "diambil_alih__kajian_awal" in step_forms(chair.open(case_url))

    # The province's handlers see the reporter's identity; each view is audited.
    case = province.open(case_url)
    assert REPORTER_NAME not in case.html  # only behind "Show reporter identity"
    purpose = "Klarifikasi pelapor oleh Bawaslu Provinsi"
    identity = province.submit(case.form(having="purpose"), {"purpose": purpose})
    assert identity.status == 200, identity.url
    assert REPORTER_NAME in identity.text
    chair_identity = chair.submit(chair.open(case_url).form(having="purpose"))
    assert REPORTER_NAME in chair_identity.text
    viewed = AuditEvent.objects.filter(kind=AuditKind.IDENTITY_VIEW, object_id=str(report.pk))
    assert sorted(viewed.values_list("user__username", flat=True)) == [
        jateng_commissioner.username,
        jateng_staff.username,
    ]
    assert viewed.get(user=jateng_staff).details == {"purpose": purpose}
    assert purpose in province.open(case_url).testid("identity-accesses")
    # Semarang no longer handles the case, and the partner never did: neither sees it. No
    # page offers them the form, so the POST is sent as is (the test client, no CSRF check:
    # the 403 is the permission's).
    identity_url = reverse("reports:reporter_identity", args=[report.pk])
    assert client_for(semarang_staff).post(identity_url).status_code == 403
    assert client_for(semarang_partner).post(identity_url).status_code == 403
    assert viewed.count() == 2
    assert "reporter-title" not in city.open(case_url).html

    # The province carries the case to the PPK; after each step the citizen sees it move
    # and Semarang can still take none.
    stage_after = {
        "diambil_alih__kajian_awal": ReportStage.KAJIAN_AWAL,
        "kajian_awal__diregistrasi": ReportStage.DIREGISTRASI,
        "diregistrasi__kajian": ReportStage.KAJIAN,
        "kajian__rekomendasi_diteruskan": ReportStage.REKOMENDASI_DITERUSKAN,
        "rekomendasi_diteruskan__tindak_lanjut_ppk": ReportStage.TINDAK_LANJUT_PPK,
    }
    numbers = []

    def handoff(key: str, page: Page) -> None:
        stage = stage_after[key]
        status = check_public_status(citizen, code, stage, secrets=secrets)
        for browser in (city, city_chair):
            city_cannot_act(browser, case_url, stage)
        if stage == ReportStage.DIREGISTRASI:
            numbers.append(registration_number(page))
        if numbers:
            assert f"Registration number {numbers[0]}" in status
        if stage == ReportStage.KAJIAN:
            # The pleno is the commissioner's: the staff are neither offered it nor allowed.
            assert "kajian__rekomendasi_diteruskan" not in step_forms(province.open(case_url))
            step_url = f"{case_url}tindakan/?langkah=kajian__rekomendasi_diteruskan"
            assert province.open(step_url).status == 403
            assert "kajian__rekomendasi_diteruskan" in step_forms(chair.open(case_url))
        if stage == ReportStage.REKOMENDASI_DITERUSKAN:
            # KASN/BKN's reply is the province's to chase: nothing for the PPK yet.
            tasks = Browser(semarang_partner).open(reverse("coordination:my_tasks"))
            assert not [url for url in tasks.links if re.fullmatch(r"/tindak-lanjut/\d+/", url)]
            # The PPK is the reported ASN's government, proposed by the form.
            form = province.open(case_url).form(
                transition="rekomendasi_diteruskan__tindak_lanjut_ppk"
            )
            assert form.data["ppk_agency"] == [str(pemkot_semarang.pk)]

    walk_to_ppk(
        province,
        chair,
        case_url,
        pemkot_semarang,
        on=today,
        resume="diambil_alih__kajian_awal",
        recommendation_number="031/PM.00.02/K.JT/2026",
        after_step=handoff,
    )
    # Registered by the province, in the province's register.
    assert re.fullmatch(r"\d{3}/Reg/LP/PW/33/[IVX]+/\d{4}", numbers[0]), numbers

    # The PPK's task goes to Pemkot Semarang, and to no other partner.
    partner = Browser(semarang_partner)
    tasks = partner.open(reverse("coordination:my_tasks"))
    task_urls = [url for url in tasks.links if re.fullmatch(r"/tindak-lanjut/\d+/", url)]
    assert len(task_urls) == 1, tasks.links
    task_url = task_urls[0]
    assert "Decide the sanction on BKN recommendation R-345/BKN/2026" in tasks.text
    assert task_url in partner.open(reverse("coordination:follow_up_list")).links
    other = Browser(jateng_partner)
    for url in (reverse("coordination:my_tasks"), reverse("coordination:follow_up_list")):
        assert task_url not in other.open(url).links
    assert other.open(task_url).status in (403, 404)
    task = partner.open(task_url)
    assert "Pemerintah Kota Semarang" in task.text
    progress = "Inspektorat Kota Semarang memeriksa terlapor pada pekan ini."
    updated = partner.submit(task.form(having="text"), {"text": progress})
    assert updated.url == task_url, updated.error_summary
    assert "The progress was recorded." in updated.text
    for page in (tasks, task, updated):
        assert REPORTER_NAME not in page.html
        assert take_over_note not in page.html
    assert partner.open(case_url).status in (403, 404)
    assert partner.open(f"{case_url}tindakan/?langkah=tindak_lanjut_ppk__selesai").status in (
        403,
        404,
    )

    # Both Bawaslu offices follow the task and read the partner's progress.
    for official in (province, city):
        assert task_url in official.open(reverse("coordination:follow_up_list")).links
        assert progress in official.open(task_url).text
    # The partner's progress put the task in progress.
    assert follow_up_status(province, task_url) == FollowUpStatus.DALAM_PROSES

    # The province records the PPK's decision: the case closes, and so does the task.
    page = take_step(
        province,
        case_url,
        "tindak_lanjut_ppk__selesai",
        ppk_sanction=Sanction.SEDANG_9,
        ppk_decision_date=today,
        ppk_decision_number="800/321/2026",
    )
    check_case(page, ReportStage.SELESAI.label, None)
    assert step_forms(page) == []
    assert_in_order(
        page.section("timeline-title"),
        [
            ReportStage.DITERIMA.label,
            "the reporter (public form)",
            ReportStage.KAJIAN_AWAL.label,
            semarang_staff,
            ReportStage.DIAMBIL_ALIH.label,
            jateng_commissioner,
            ReportStage.DIREGISTRASI.label,
            jateng_staff,
            ReportStage.REKOMENDASI_DITERUSKAN.label,
            jateng_commissioner,
            ReportStage.SELESAI.label,
            jateng_staff,
        ],
    )
    task = partner.open(task_url)
    assert "Completed" in task.text
    assert not [form for form in task.forms if "text" in form.names]
    for official in (province, city):
        assert task_url in official.open(reverse("coordination:follow_up_list")).links
        assert follow_up_status(official, task_url) == FollowUpStatus.SELESAI
    city_cannot_act(city, case_url, ReportStage.SELESAI)

    shown = check_public_status(citizen, code, ReportStage.SELESAI, secrets=secrets)
    assert "Next step due by" not in shown
    assert_in_order(
        shown,
        [
            ReportStage.DITERIMA.label,
            ReportStage.KAJIAN_AWAL.label,
            ReportStage.DIAMBIL_ALIH.label,
            ReportStage.KAJIAN_AWAL.label,
            ReportStage.DIREGISTRASI.label,
            ReportStage.KAJIAN.label,
            ReportStage.REKOMENDASI_DITERUSKAN.label,
            ReportStage.TINDAK_LANJUT_PPK.label,
            ReportStage.SELESAI.label,
        ],
    )


def test_a_late_laporan_is_not_registered_and_is_kept_as_informasi_awal(
    semarang_staff, pemkot_semarang
):
    """Filed 30 days after it became known: told so, Register refused with the reason, kept
    as informasi awal, which the office may assess and register as a temuan."""
    today = timezone.localdate()
    citizen = Browser(phone=True)
    code, done = file_as_citizen(
        citizen,
        report_answers(pemkot_semarang, known=today - 30 * DAY, incident=today - 31 * DAY),
    )
    assert WILL_NOT_BE_REGISTERED.search(done.text), done.text
    assert ASSESSMENT_PROMISE not in done.text
    status = check_status(citizen, code, ReportStage.DITERIMA)
    assert WILL_NOT_BE_REGISTERED.search(status.text), status.text

    staff = Browser(semarang_staff)
    case_url = find_case(staff, code)
    assert "it cannot be registered" in (staff.open(case_url).testid("late-filing") or "")
    page = take_step(staff, case_url, "diterima__kajian_awal")
    assert "kajian_awal__diregistrasi" not in step_forms(page)
    assert "kajian_awal__informasi_awal" in step_forms(page)
    step_url = reverse("reports:transition", args=[Report.objects.get().pk])
    refused = staff.open(f"{step_url}?langkah=kajian_awal__diregistrasi")
    assert refused.url == case_url
    said = " ".join(refused.texts("role", "status"))
    assert "fails the formal requirement and cannot be registered" in said, said
    assert Report.objects.get().registration_number == ""

    page = take_step(
        staff,
        case_url,
        "kajian_awal__informasi_awal",
        reason="Dilaporkan melewati 7 hari sejak diketahui; disimpan sebagai informasi awal.",
    )
    check_case(page, ReportStage.INFORMASI_AWAL.label, None)
    check_status(citizen, code, ReportStage.INFORMASI_AWAL)

    take_step(staff, case_url, "informasi_awal__kajian_awal")
    page = take_step(staff, case_url, "kajian_awal__diregistrasi")
    assert "/Reg/TM/" in registration_number(page)
    check_status(citizen, code, ReportStage.DIREGISTRASI)


def test_blocking_when_the_ppk_misses_its_deadline(
    semarang_staff, semarang_commissioner, pemkot_semarang
):
    """The case reaches the PPK on a day long past (clock frozen); today the PPK's deadline
    has passed: the office asks BKN to block, records the block, then the PPK's decision.

    The block's follow-up opens with the request and closes with the block; the
    decision closes the PPK's follow-up.
    """
    start = datetime.datetime(2025, 9, 1, 9, 0, tzinfo=WIB)  # a Monday
    letters = start.date() + 2 * DAY
    with frozen(start):
        staff, pleno = Browser(semarang_staff), Browser(semarang_commissioner)
        case_url = record_at_office(
            staff,
            report_answers(pemkot_semarang, known=start.date() - DAY, incident=start.date() - DAY),
        )
    with frozen(start + 2 * DAY):
        # Another day, another login (a session lasts 12 hours).
        staff, pleno = Browser(semarang_staff), Browser(semarang_commissioner)
        walk_to_ppk(staff, pleno, case_url, pemkot_semarang, on=letters)
        page = staff.open(case_url)
        ppk_due = statutory_deadline(pilkada().type, "ppk_decision", letters)
        check_case(page, ReportStage.TINDAK_LANJUT_PPK.label, ("ppk_decision", ppk_due))
        assert "tindak_lanjut_ppk__pemblokiran" not in step_forms(page)

    today = timezone.localdate()
    assert today > ppk_due
    # Today: the sessions of that day have long expired.
    staff = Browser(semarang_staff)
    page = staff.open(case_url)
    assert "Late by" in page.testid("current-deadline")
    page = take_step(
        staff,
        case_url,
        "tindak_lanjut_ppk__pemblokiran",
        block_request_number="B-77/PM.00.02/K.JT-28/2026",
        block_request_date=today,
    )
    check_case(
        page,
        ReportStage.PEMBLOKIRAN.label,
        ("block_response", statutory_deadline(pilkada().type, "block_response", today)),
    )
    titles = follow_ups(staff)
    block = next(url for title, url in titles.items() if "block" in title)
    ppk = next(url for title, url in titles.items() if "Decide the sanction" in title)
    assert follow_up_status(staff, block) == FollowUpStatus.TERBUKA
    assert follow_up_status(staff, ppk) == FollowUpStatus.TERBUKA

    page = take_step(staff, case_url, "pemblokiran__pemblokiran", blocked_on=today)
    check_case(page, ReportStage.PEMBLOKIRAN.label, None)
    assert f"blocked by BKN on {format_date(today)}" in page.section("case-title")
    assert follow_up_status(staff, block) == FollowUpStatus.SELESAI
    assert follow_up_status(staff, ppk) == FollowUpStatus.TERBUKA
    assert "pemblokiran__pemblokiran" not in step_forms(page)

    page = take_step(
        staff,
        case_url,
        "pemblokiran__selesai",
        ppk_sanction=Sanction.SEDANG_6,
        ppk_decision_date=today,
        ppk_decision_number="800/77/2026",
    )
    check_case(page, ReportStage.SELESAI.label, None)
    assert follow_up_status(staff, ppk) == FollowUpStatus.SELESAI
    assert_in_order(
        page.section("timeline-title"),
        [
            ReportStage.TINDAK_LANJUT_PPK.label,
            ReportStage.PEMBLOKIRAN.label,
            ReportStage.PEMBLOKIRAN.label,
            ReportStage.SELESAI.label,
        ],
    )


def test_a_step_taken_meanwhile_makes_the_second_officials_page_stale(
    semarang_staff, semarang_commissioner, pemkot_semarang
):
    """Two officials open the Register page; the first registers, the second is told who
    changed the report meanwhile, and nothing of theirs is saved."""
    today = timezone.localdate()
    first, second = Browser(semarang_staff), Browser(semarang_commissioner)
    case_url = record_at_office(
        first, report_answers(pemkot_semarang, known=today - DAY, incident=today - 2 * DAY)
    )
    take_step(first, case_url, "diterima__kajian_awal")
    report = Report.objects.get()
    step_url = (
        f"{reverse('reports:transition', args=[report.pk])}?langkah=kajian_awal__diregistrasi"
    )
    first_form = first.open(step_url).form(transition="kajian_awal__diregistrasi")
    second_form = second.open(step_url).form(transition="kajian_awal__diregistrasi")

    done = first.submit(first_form, {"note": "Syarat formal dan materiel terpenuhi."})
    assert done.url == case_url, done.error_summary
    refused = second.submit(second_form, {"note": "Catatan pleno yang tidak boleh tersimpan."})
    assert refused.status == 200
    summary = refused.error_summary
    assert STALE in summary
    assert str(semarang_staff) in summary
    assert str(ReportStage.DIREGISTRASI.label) in summary

    page = second.open(case_url)
    assert page.testid("stage") == str(ReportStage.DIREGISTRASI.label)
    assert "Catatan pleno" not in page.section("timeline-title")
    assert not ReportHistory.objects.filter(note__startswith="Catatan pleno").exists()
    assert RegistrationCounter.objects.get().last == 1
    assert registration_number(page).startswith("001/Reg/LP/")
