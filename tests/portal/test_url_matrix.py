"""The authorization matrix (issue 11 §3): every URL pattern, every actor, GET and POST.

Every named URL pattern of the project (walked from Django's resolver, see
``tests.url_matrix.named_patterns``) has one row in :data:`MATRIX`; a pattern without a row
fails :func:`test_every_url_pattern_has_a_row`, and a row whose pattern is gone fails
:func:`test_every_row_has_a_url_pattern`. A row names a :class:`~tests.url_matrix.Policy`
(the expected outcome per actor for GET and POST, see ``tests/url_matrix.py`` for the words)
and the objects its URL takes. ``docs/testing.md`` says how to add a row.

The objects (one of every kind a URL takes: meeting, attachment, follow-up, declaration and
its document, campaign, designation, program, pokja, report and its evidence, region, agency)
exist in Kota Semarang (33.74, Jawa Tengah) and in Kota Serang (36.73, Banten); Kota
Surakarta (33.72) has an office but no objects. Each actor asks for Semarang's objects; the
Semarang office also asks for Serang's, and must get what the Serang office's neighbour in
another province gets for Semarang's (the same scope, seen from the other side).

The requests go through a client that enforces CSRF, with the token a browser would have
(the ``csrftoken`` cookie set by a page with a form), so a POST is judged on permissions.
A POST is sent with no form data (the permission check comes before the form); a refused
POST must leave every table unchanged (``tests.url_matrix.fingerprint``). The objects are
built once for the module inside a transaction rolled back at its end; each test runs in
its own savepoint, so an allowed POST (a deletion, a logout) never reaches the next test.
"""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bawaslu_portal.models import AgencyKind, Region, UserRole
from bawaslu_portal.services import regions_import
from coordination.services.campaigns import declaration_document_add
from coordination.services.meetings import attachment_add
from reports.models import ReportStage
from reports.services.workflow import report_transition
from tests.factories import AgencyFactory, FollowUpFactory, MeetingFactory, UserFactory
from tests.factories.campaigns import (
    DeclarationCampaignFactory,
    DeclarationFactory,
    KelurahanDesignationFactory,
    ProgramFactory,
    WorkingGroupFactory,
    WorkingGroupMemberFactory,
)
from tests.factories.reports import intake_report, pdf_upload, png_upload
from tests.url_matrix import (
    ACTORS,
    REFUSALS,
    Obj,
    Policy,
    Row,
    admin_patterns,
    fingerprint,
    named_patterns,
    outcome_of,
    rows_of,
)

BACKEND = "bawaslu_portal.backends.UsernameOrEmailBackend"
#: A workflow step the report (just received) can take: start the kajian awal.
START_KAJIAN_AWAL = f"{ReportStage.DITERIMA}__{ReportStage.KAJIAN_AWAL}"

# ---------------------------------------------------------------------------------------
# Policies. One outcome per actor, in this order:
#            office province other_city other_province partner viewer anonymous
# ---------------------------------------------------------------------------------------

#: GET-only pages: a POST is refused before anything else (anonymous: the login comes first).
NO_POST = "405 405 405 405 405 405 login"
PUBLIC_NO_POST = "405 405 405 405 405 405 405"

#: Pages for every logged-in official (home, lists scoped to the jurisdiction).
LOGGED_IN_READ = Policy(get="200 200 200 200 200 200 login", post=NO_POST)
#: A page for Bawaslu officials who create records (office, province, other offices).
BAWASLU_CREATE = Policy(get="200 200 200 200 403 403 login", post="ok ok ok ok 403 403 login")
#: An object of the Semarang office that the partner (whose agency it concerns) may read.
OFFICE_OBJECT_READ = Policy(get="200 200 404 404 200 200 login", post=NO_POST)
#: Editing an object of the Semarang office: its Bawaslu officials and those above.
OFFICE_OBJECT_EDIT = Policy(get="200 200 404 404 403 403 login", post="ok ok 404 404 403 403 login")
#: The same, POST only.
OFFICE_OBJECT_EDIT_POST = Policy(get=NO_POST, post="ok ok 404 404 403 403 login")
#: Case files: Bawaslu officials (viewers too) of the jurisdiction; partners never (403).
CASE_LIST = Policy(get="200 200 200 200 403 200 login", post=NO_POST)
CASE_READ = Policy(get="200 200 404 404 403 200 login", post=NO_POST)
#: Acting on a case: the handling office and the office above.
CASE_ACT_POST = Policy(get=NO_POST, post="ok ok 404 404 403 403 login")
#: Changing the case file: the handling office only.
CASE_HANDLE = Policy(get="200 403 404 404 403 403 login", post="ok 403 404 404 403 403 login")
#: Printed case documents: whoever may read the case; anyone who may not see case files
#: (the partner) gets 404 (reports.views.documents._official_case).
CASE_DOCUMENT = Policy(get="200 200 404 404 404 200 login", post=NO_POST)
#: Those printing the reporter's identity: the case handlers of the handling office and the
#: office above (viewers 403).
CASE_IDENTITY_DOCUMENT = Policy(get="200 200 404 404 404 403 login", post=NO_POST)
#: The receipt: the same for officials; without a login only the session that filed the
#: report may open it (reports.views.public.session_may_see_receipt), anyone else 404.
RECEIPT = Policy(get="200 200 404 404 404 403 404", post=PUBLIC_NO_POST)
#: Public pages (no login): everybody, GET only.
PUBLIC_READ = Policy(get="200 200 200 200 200 200 200", post=PUBLIC_NO_POST)
#: Public forms (no login): everybody may GET and POST.
PUBLIC_FORM = Policy(get="200 200 200 200 200 200 200", post="ok ok ok ok ok ok ok")
#: Account pages of a logged-in user.
ACCOUNT_FORM = Policy(get="200 200 200 200 200 200 login", post="ok ok ok ok ok ok login")


#: (label, slug, query, policy) of every case document: those that print the reporter's
#: identity are for case handlers only (CASE_IDENTITY_DOCUMENT), the others for whoever may
#: read the case (CASE_DOCUMENT).
CASE_DOCUMENTS = [
    ("formulir", "formulir", "", CASE_IDENTITY_DOCUMENT),
    ("pemberitahuan-status", "pemberitahuan-status", "", CASE_DOCUMENT),
    ("undangan-klarifikasi", "undangan-klarifikasi", "", CASE_DOCUMENT),
    (
        "undangan-klarifikasi-pelapor",
        "undangan-klarifikasi",
        "pihak=pelapor",
        CASE_IDENTITY_DOCUMENT,
    ),
    ("berita-acara-klarifikasi", "berita-acara-klarifikasi", "", CASE_DOCUMENT),
    (
        "berita-acara-klarifikasi-pelapor",
        "berita-acara-klarifikasi",
        "pihak=pelapor",
        CASE_IDENTITY_DOCUMENT,
    ),
    ("berita-acara-pleno", "berita-acara-pleno", "", CASE_DOCUMENT),
    ("surat-penerusan", "surat-penerusan", "", CASE_DOCUMENT),
]

# ---------------------------------------------------------------------------------------
# The table: one row per URL pattern, ``namespace:name``. Obj("meeting") is the pk of the
# test objects' meeting (of Semarang, or of Serang for the second city).
# ---------------------------------------------------------------------------------------

MEETING = {"pk": Obj("meeting")}
ATTACHMENT = {"pk": Obj("meeting"), "attachment_pk": Obj("attachment")}
FOLLOW_UP = {"pk": Obj("follow_up")}
DECLARATION = {"pk": Obj("declaration")}
DOCUMENT = {"pk": Obj("declaration"), "document_pk": Obj("document")}
REPORT = {"pk": Obj("report")}

MATRIX: dict[str, Row] = {
    # bawaslu_portal
    "home": Row(LOGGED_IN_READ),
    "region_browse": Row(LOGGED_IN_READ),
    "region_detail": Row(OFFICE_OBJECT_READ, {"code": Obj("city")}),
    "agency_list": Row(LOGGED_IN_READ),
    "agency_detail": Row(OFFICE_OBJECT_READ, {"pk": Obj("agency")}),
    # search: one box, scoped to each user's jurisdiction (GET only)
    "search:search": Row(LOGGED_IN_READ),
    # A GET only redirects back (Django's set_language changes the language on POST).
    "set_language": Row(
        Policy(get="302 302 302 302 302 302 302", post="ok ok ok ok ok ok ok"),
        data={"language": "en"},
    ),
    # accounts (django.contrib.auth views)
    "login": Row(Policy(get="302 302 302 302 302 302 200", post="302 302 302 302 302 302 ok")),
    "logout": Row(Policy(get=NO_POST, post="ok ok ok ok ok ok login")),
    "password_change": Row(ACCOUNT_FORM),
    "password_change_done": Row(Policy(get="200 200 200 200 200 200 login", post=NO_POST)),
    # office: the account's reminder settings (each user edits their own)
    "office:reminder_preferences": Row(ACCOUNT_FORM),
    # office: the dashboard (issue 9 §2), read-only for every official
    "office:dashboard": Row(LOGGED_IN_READ),
    # office: the weekly recap (issue 9 §5), its print view and PDF, read-only, each user's scope
    "office:recap": Row(LOGGED_IN_READ),
    "office:recap_print": Row(LOGGED_IN_READ),
    "office:recap_pdf": Row(LOGGED_IN_READ),
    # office: the activity feed (issue 9 §6), read-only, each user's scope
    "office:activity": Row(LOGGED_IN_READ),
    "password_reset": Row(PUBLIC_FORM),
    "password_reset_done": Row(PUBLIC_READ),
    "password_reset_confirm": Row(PUBLIC_FORM, {"uidb64": "MQ", "token": "abc-def"}),
    "password_reset_complete": Row(PUBLIC_READ),
    # coordination: meetings
    "coordination:meeting_list": Row(LOGGED_IN_READ),
    "coordination:meeting_create": Row(BAWASLU_CREATE),
    "coordination:meeting_detail": Row(OFFICE_OBJECT_READ, MEETING),
    "coordination:meeting_update": Row(OFFICE_OBJECT_EDIT, MEETING),
    "coordination:meeting_copy": Row(OFFICE_OBJECT_EDIT, MEETING),
    "coordination:meeting_print": Row(OFFICE_OBJECT_READ, MEETING),
    "coordination:meeting_pdf": Row(OFFICE_OBJECT_READ, MEETING),
    "coordination:attachment_upload": Row(OFFICE_OBJECT_EDIT_POST, MEETING),
    "coordination:attachment_download": Row(OFFICE_OBJECT_READ, ATTACHMENT),
    "coordination:attachment_delete": Row(OFFICE_OBJECT_EDIT, ATTACHMENT),
    # coordination: follow-ups
    "coordination:meeting_follow_up_create": Row(
        OFFICE_OBJECT_EDIT, {"meeting_pk": Obj("meeting")}
    ),
    "coordination:follow_up_list": Row(LOGGED_IN_READ),
    "coordination:follow_up_create": Row(BAWASLU_CREATE),
    "coordination:follow_up_detail": Row(OFFICE_OBJECT_READ, FOLLOW_UP),
    "coordination:follow_up_update": Row(OFFICE_OBJECT_EDIT, FOLLOW_UP),
    # The responsible agency's partner official reports progress.
    "coordination:follow_up_progress": Row(
        Policy(get=NO_POST, post="ok ok 404 404 ok 403 login"), FOLLOW_UP
    ),
    "coordination:follow_up_status": Row(OFFICE_OBJECT_EDIT_POST, FOLLOW_UP),
    "coordination:my_tasks": Row(LOGGED_IN_READ),
    "coordination:follow_up_print": Row(LOGGED_IN_READ),
    # coordination: the public agenda (no login)
    "coordination:public_agenda": Row(PUBLIC_READ),
    "coordination:public_meeting": Row(PUBLIC_READ, MEETING),
    "coordination:public_feed": Row(PUBLIC_READ),
    "coordination:public_city_feed": Row(PUBLIC_READ, {"city_code": Obj("city")}),
    # coordination: declarations, campaigns, designations, programs, pokja
    "coordination:declaration_list": Row(LOGGED_IN_READ),
    "coordination:declaration_create": Row(BAWASLU_CREATE),
    "coordination:declaration_detail": Row(OFFICE_OBJECT_READ, DECLARATION),
    "coordination:declaration_update": Row(OFFICE_OBJECT_EDIT, DECLARATION),
    "coordination:declaration_delete": Row(OFFICE_OBJECT_EDIT, DECLARATION),
    "coordination:declaration_document_add": Row(OFFICE_OBJECT_EDIT_POST, DECLARATION),
    "coordination:declaration_document_download": Row(OFFICE_OBJECT_READ, DOCUMENT),
    "coordination:declaration_document_delete": Row(OFFICE_OBJECT_EDIT_POST, DOCUMENT),
    "coordination:campaign_list": Row(LOGGED_IN_READ),
    "coordination:campaign_create": Row(BAWASLU_CREATE),
    "coordination:campaign_detail": Row(OFFICE_OBJECT_READ, {"pk": Obj("campaign")}),
    "coordination:campaign_update": Row(OFFICE_OBJECT_EDIT, {"pk": Obj("campaign")}),
    "coordination:designation_list": Row(LOGGED_IN_READ),
    "coordination:designation_create": Row(BAWASLU_CREATE),
    "coordination:designation_coverage": Row(LOGGED_IN_READ),
    "coordination:designation_update": Row(OFFICE_OBJECT_EDIT, {"pk": Obj("designation")}),
    "coordination:designation_revoke": Row(OFFICE_OBJECT_EDIT, {"pk": Obj("designation")}),
    "coordination:program_list": Row(LOGGED_IN_READ),
    "coordination:program_create": Row(BAWASLU_CREATE),
    "coordination:program_detail": Row(OFFICE_OBJECT_READ, {"pk": Obj("program")}),
    "coordination:program_update": Row(OFFICE_OBJECT_EDIT, {"pk": Obj("program")}),
    "coordination:program_meetings": Row(OFFICE_OBJECT_EDIT, {"pk": Obj("program")}),
    "coordination:working_group_list": Row(LOGGED_IN_READ),
    "coordination:working_group_create": Row(BAWASLU_CREATE),
    "coordination:working_group_detail": Row(OFFICE_OBJECT_READ, {"pk": Obj("working_group")}),
    "coordination:working_group_update": Row(OFFICE_OBJECT_EDIT, {"pk": Obj("working_group")}),
    "coordination:working_group_meetings": Row(OFFICE_OBJECT_EDIT, {"pk": Obj("working_group")}),
    # reports: case files
    "reports:list": Row(CASE_LIST),
    "reports:create": Row(BAWASLU_CREATE),
    "reports:export_csv": Row(CASE_LIST),
    "reports:export_xlsx": Row(CASE_LIST),
    "reports:detail": Row(CASE_READ, REPORT),
    "reports:reporter_identity": Row(CASE_ACT_POST, REPORT),
    # A reporter's data on their request (UU 27/2022): export like the identity (POST),
    # correction by the handling office only.
    "reports:reporter_export": Row(CASE_ACT_POST, REPORT),
    "reports:reporter_correct": Row(CASE_HANDLE, REPORT),
    # The record of processing: administrators only (no actor of the table is one).
    "reports:processing_record": Row(Policy(get="403 403 403 403 403 403 login", post=NO_POST)),
    "reports:evidence_download": Row(
        CASE_READ, {"pk": Obj("report"), "evidence_pk": Obj("evidence")}
    ),
    "reports:evidence_add": Row(CASE_HANDLE, REPORT),
    # The step's own form (?langkah=) and its POST: the handling office only (the office
    # above takes the case over, a step of its commissioners).
    "reports:transition": Row(
        CASE_HANDLE,
        REPORT,
        data={"transition": START_KAJIAN_AWAL},
        query=f"langkah={START_KAJIAN_AWAL}",
    ),
    "reports:comment_add": Row(CASE_ACT_POST, REPORT),
    # Related reports (issue 9 §8): linking and unlinking change how the case is handled,
    # so the handling office only, by POST (the forms are on the case page).
    "reports:link": Row(Policy(get=NO_POST, post="ok 403 404 404 403 403 login"), REPORT),
    "reports:unlink": Row(Policy(get=NO_POST, post="ok 403 404 404 403 403 login"), REPORT),
    "reports:register": Row(CASE_LIST),
    "reports:register_pdf": Row(CASE_LIST),
    "reports:receipt": Row(RECEIPT, REPORT),
    "reports:receipt_pdf": Row(RECEIPT, REPORT),
    # Every case document, of a case walked to a forwarded recommendation (so each exists);
    # the PDF twin runs the same checks (reports.views.documents._case_document), so two
    # of its documents stand for the rest (a PDF takes half a second to build).
    "reports:document": [
        Row(policy, {"pk": Obj("forwarded_report"), "slug": slug}, query=query, label=label)
        for label, slug, query, policy in CASE_DOCUMENTS
    ],
    "reports:document_pdf": [
        Row(policy, {"pk": Obj("forwarded_report"), "slug": slug}, query=query, label=label)
        for label, slug, query, policy in CASE_DOCUMENTS
        if slug in ("formulir", "surat-penerusan")
    ],
    # reports: public filing and status check (no login)
    "reports:public_start": Row(PUBLIC_READ),
    # Without a filing in this session it sends back to the start of the form.
    "reports:public_done": Row(Policy(get="302 302 302 302 302 302 302", post=PUBLIC_NO_POST)),
    "reports:public_form": Row(PUBLIC_FORM, {"kabkota": Obj("city")}),
    "reports:status_check": Row(PUBLIC_FORM, data={"code": Obj("tracking_code")}),
}


# ---------------------------------------------------------------------------------------
# The test objects and the actors' browsers, built once for the module.
# ---------------------------------------------------------------------------------------


def _city_objects(*, city: str, office, partner_agency, staff) -> dict:
    """One object of every kind a URL takes, in ``city``, recorded by its office."""
    kecamatan = Region.objects.filter(parent_id=city).order_by("code").first()
    kelurahan = Region.objects.filter(parent_id=kecamatan.code).order_by("code").first()
    meeting = MeetingFactory(
        region_id=city,
        host_agency=office,
        is_public=True,
        participating_agencies=[partner_agency],
    )
    attachment = attachment_add(actor=staff, meeting=meeting, upload=png_upload("foto.png"))
    declaration = DeclarationFactory(
        region_id=kecamatan.code,
        organiser=office,
        is_public=True,
        signatory_agencies=[partner_agency],
    )
    document = declaration_document_add(
        actor=staff, declaration=declaration, upload=pdf_upload("naskah.pdf")
    )
    working_group = WorkingGroupFactory(region_id=city, agency=office)
    WorkingGroupMemberFactory(group=working_group, agency=partner_agency)
    report = intake_report(user=staff, kelurahan=kelurahan, evidence_files=[png_upload()])
    commissioner = UserFactory(username=f"ketua.{city}", agency=office, role=UserRole.COMMISSIONER)
    forwarded = _forward(intake_report(user=commissioner, kelurahan=kelurahan), commissioner)
    return {
        "city": city,
        "agency": partner_agency.pk,
        "meeting": meeting.pk,
        "attachment": attachment.pk,
        "follow_up": FollowUpFactory(
            region_id=city, responsible_agency=partner_agency, meeting=meeting
        ).pk,
        "declaration": declaration.pk,
        "document": document.pk,
        "campaign": DeclarationCampaignFactory(region_id=city).pk,
        "designation": KelurahanDesignationFactory(kelurahan_id=kelurahan.code).pk,
        "program": ProgramFactory(region_id=city, owner_agency=office).pk,
        "working_group": working_group.pk,
        "report": report.pk,
        "evidence": report.evidence.exclude(file="").get().pk,
        "tracking_code": report.tracking_code_display,
        "forwarded_report": forwarded.pk,
    }


def _forward(report, actor):
    """Walk ``report`` to a forwarded recommendation, so that every case document exists."""
    steps = [
        (ReportStage.KAJIAN_AWAL, {}),
        (ReportStage.DIREGISTRASI, {}),
        (ReportStage.KLARIFIKASI, {}),
        (ReportStage.KAJIAN, {}),
        (
            ReportStage.REKOMENDASI_DITERUSKAN,
            {
                "recommendation_number": "001/PP.01.02/K.JT-33/X/2024",
                "recommendation_date": timezone.localdate(),
            },
        ),
    ]
    for stage, fields in steps:
        report = report_transition(
            actor=actor, report=report, to_stage=stage, expected_version=report.version, **fields
        )
    return report


def _browser_cookies(user) -> dict:
    """The cookies of ``user``'s browser: a session (unless anonymous) and a CSRF token.

    The token comes as a browser gets it: from the ``csrftoken`` cookie set by a page
    with a form (the password form when logged in, the login form otherwise).
    """
    client = Client(enforce_csrf_checks=True)
    if user is None:
        response = client.get(reverse("login"))
    else:
        client.force_login(user, backend=BACKEND)
        response = client.get(reverse("password_change"))
    assert response.status_code == 200
    assert settings.CSRF_COOKIE_NAME in client.cookies, "the form page set no CSRF cookie"
    return {name: morsel.value for name, morsel in client.cookies.items()}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The objects of two cities and the actors' cookies; rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        regions_import(codes=["33.74", "33.72", "36.73"])

        def bawaslu(name, kind, region):
            return AgencyFactory(name=name, kind=kind, region_id=region)

        semarang = bawaslu("Bawaslu Kota Semarang", AgencyKind.BAWASLU_KABKOTA, "33.74")
        serang = bawaslu("Bawaslu Kota Serang", AgencyKind.BAWASLU_KABKOTA, "36.73")
        jateng = bawaslu("Bawaslu Provinsi Jawa Tengah", AgencyKind.BAWASLU_PROVINSI, "33")
        surakarta = bawaslu("Bawaslu Kota Surakarta", AgencyKind.BAWASLU_KABKOTA, "33.72")
        pemkot_semarang = bawaslu("Pemerintah Kota Semarang", AgencyKind.PEMDA, "33.74")
        pemkot_serang = bawaslu("Pemerintah Kota Serang", AgencyKind.PEMDA, "36.73")

        def user(username, agency, role=UserRole.STAFF):
            return UserFactory(username=username, agency=agency, role=role)

        users = {
            "office": user("semarang.staf", semarang),
            "province": user("jateng.staf", jateng),
            "other_city": user("surakarta.staf", surakarta),
            "other_province": user("serang.staf", serang),
            "partner": user("semarang.pemkot", pemkot_semarang, UserRole.PARTNER),
            "viewer": user("semarang.viewer", semarang, UserRole.VIEWER),
            "anonymous": None,
        }
        objects = {
            "semarang": _city_objects(
                city="33.74", office=semarang, partner_agency=pemkot_semarang, staff=users["office"]
            ),
            "serang": _city_objects(
                city="36.73",
                office=serang,
                partner_agency=pemkot_serang,
                staff=users["other_province"],
            ),
        }
        cookies = {actor: _browser_cookies(users[actor]) for actor in ACTORS}
        yield {"objects": objects, "cookies": cookies, "users": users}
        transaction.set_rollback(True)


# ---------------------------------------------------------------------------------------
# The matrix
# ---------------------------------------------------------------------------------------


def _cases():
    """(name, method, actor, city, expected, xfail reason) for every cell of the table.

    Rows that take objects add one case: the Semarang office on Serang's objects, expected
    to get what the other province's office gets on Semarang's.
    """
    for name, entry in MATRIX.items():
        for index, row in enumerate(rows_of(entry)):
            for method in ("get", "post"):
                expected = row.policy.expected(method)
                for actor in ACTORS:
                    reason = row.xfail.get((actor, method))
                    yield name, index, method, actor, "semarang", expected[actor], reason
                if row.takes_objects:
                    reason = row.xfail.get(("other_province", method))
                    other = expected["other_province"]
                    yield name, index, method, "office", "serang", other, reason


def _params():
    for name, index, method, actor, city, expected, reason in _cases():
        label = rows_of(MATRIX[name])[index].label
        pattern = f"{name}[{label}]" if label else name
        who = actor if city == "semarang" else f"{actor}@{city}"
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(
            name,
            index,
            method,
            actor,
            city,
            expected,
            id=f"{pattern}-{method}-{who}",
            marks=marks,
        )


@pytest.fixture
def visit_as(world):
    """``visit_as(actor)``: a fresh CSRF-enforcing client with that actor's cookies."""
    cache.clear()

    def make(actor):
        client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
        for name, value in world["cookies"][actor].items():
            client.cookies[name] = value
        return client

    return make


@pytest.mark.parametrize(("name", "index", "method", "actor", "city", "expected"), list(_params()))
def test_url_matrix(world, db, visit_as, name, index, method, actor, city, expected):
    row = rows_of(MATRIX[name])[index]
    objects = world["objects"][city]
    url = row.url(name, objects)
    client = visit_as(actor)
    login_url = reverse("login")
    if method == "get":
        response = client.get(url)
        got = outcome_of(response, login_url)
    else:
        data = {key: objects[v.key] if isinstance(v, Obj) else v for key, v in row.data.items()}
        data["csrfmiddlewaretoken"] = client.cookies[settings.CSRF_COOKIE_NAME].value
        before = fingerprint() if expected in REFUSALS else None
        response = client.post(url, data)
        got = outcome_of(response, login_url)
        if got not in REFUSALS and got in {"200", "302", "400"}:
            got = "ok" if expected == "ok" else got
        if before is not None and got == expected:
            assert fingerprint() == before, f"POST {url} as {actor}: refused but changed data"
    assert got == expected, f"{method.upper()} {url} as {actor}: got {got}, expected {expected}"


def test_every_url_pattern_has_a_row():
    missing = sorted(set(named_patterns()) - set(MATRIX))
    assert not missing, (
        "These URL patterns have no row in the authorization matrix "
        "(tests/portal/test_url_matrix.py, MATRIX): add one per pattern, saying who may "
        "GET and POST it (see docs/testing.md, 'The authorization matrix'):\n"
        + "\n".join(
            f"  {name}  ({route})" for name, route in named_patterns().items() if name in missing
        )
    )


def test_every_row_has_a_url_pattern():
    stale = sorted(set(MATRIX) - set(named_patterns()))
    assert not stale, (
        "These rows of the authorization matrix (tests/portal/test_url_matrix.py, MATRIX) "
        "name no URL pattern any more; remove or rename them: " + ", ".join(stale)
    )


# ---------------------------------------------------------------------------------------
# The admin: its own permission system (is_staff and model permissions)
# ---------------------------------------------------------------------------------------

#: A value for every path parameter the admin's patterns take.
ADMIN_KWARGS = {
    "object_id": "1",
    "content_type_id": "1",
    "id": "1",
    "app_label": "auth",
    "url": "x/",
}
#: Admin pages open without a staff login: the login page itself, and the catch-all that
#: answers 404 or sends to the login.
ADMIN_OPEN = {"admin:login"}


def _admin_url(name: str, route: str) -> str:
    taken = set(re.findall(r"[<:](\w+)>", route))
    return reverse(name, kwargs={key: ADMIN_KWARGS[key] for key in taken})


def _to_a_login(response) -> bool:
    """A redirect to the admin's login or the portal's (anonymous POSTs meet the latter first)."""
    location = response["Location"].split("?")[0]
    return location in (reverse("admin:login"), reverse("login"))


def _admin_params():
    for name, route in sorted(admin_patterns().items()):
        if name == "admin:None" or name in ADMIN_OPEN:
            continue
        for actor in ("anonymous", "office"):
            yield pytest.param(name, route, actor, id=f"{name}-{actor}")


@pytest.mark.parametrize(("name", "route", "actor"), list(_admin_params()))
def test_admin_refuses_anonymous_and_non_staff_officials(world, db, visit_as, name, route, actor):
    """Anonymous visitors and officials without ``is_staff`` are sent to a login page.

    (The admin's log-out sends a non-staff official to the admin's index, which sends on.)
    """
    response = visit_as(actor).get(_admin_url(name, route))
    assert response.status_code == 302, f"{name} as {actor}: {response.status_code}"
    assert _to_a_login(response) or response["Location"] == reverse("admin:index"), response[
        "Location"
    ]


@pytest.mark.parametrize("actor", ["anonymous", "office", "partner"])
def test_admin_post_is_refused_without_change(world, db, visit_as, actor):
    client = visit_as(actor)
    before = fingerprint()
    response = client.post(
        reverse("admin:bawaslu_portal_agency_add"),
        {
            "name": "Lembaga Gelap",
            "kind": AgencyKind.OPD,
            "region": "33.74",
            "csrfmiddlewaretoken": client.cookies[settings.CSRF_COOKIE_NAME].value,
        },
    )
    assert response.status_code == 302
    assert _to_a_login(response), response["Location"]
    assert fingerprint() == before


def test_admin_opens_for_a_superuser(world, db):
    """The positive control: the refusals above are not an admin that opens to nobody."""
    client = Client(enforce_csrf_checks=True)
    admin = UserFactory(
        username="matrix.admin", agency=None, role=UserRole.ADMIN, is_staff=True, is_superuser=True
    )
    client.force_login(admin, backend=BACKEND)
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:bawaslu_portal_agency_changelist")).status_code == 200


def test_the_change_check_sees_an_allowed_post(world, db, visit_as):
    """The control of "refused without change": an allowed deletion changes the fingerprint."""
    client = visit_as("office")
    before = fingerprint()
    url = MATRIX["coordination:declaration_delete"].url(
        "coordination:declaration_delete", world["objects"]["semarang"]
    )
    response = client.post(
        url, {"csrfmiddlewaretoken": client.cookies[settings.CSRF_COOKIE_NAME].value}
    )
    assert response.status_code == 302
    assert fingerprint() != before


def test_a_post_without_the_csrf_token_is_refused(world, db, visit_as):
    """The client enforces CSRF: the matrix's POSTs pass only because they carry the token."""
    url = MATRIX["coordination:declaration_delete"].url(
        "coordination:declaration_delete", world["objects"]["semarang"]
    )
    assert visit_as("office").post(url).status_code == 403
