"""Reminder mails: each kind reaches the right people once, with a link, and honours opt-out."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from bawaslu_portal.models import UserRole
from coordination.models import FollowUpStatus, MeetingStatus
from office.models import ReminderKind, ReminderSent
from office.services.reminders import reminders_send
from reports.models import Report, ReportStage
from tests.factories import FollowUpFactory, MeetingFactory, UserFactory
from tests.factories.reports import REPORTER_NAME, intake_report
from tests.querycount import count_queries

TODAY = datetime.date(2026, 11, 25)


def at_local(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def send(day=TODAY) -> int:
    return reminders_send(today=day)


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


@pytest.fixture
def pemkot_user(pemkot_semarang):
    return UserFactory(username="pemkot.a", agency=pemkot_semarang, role=UserRole.PARTNER)


@pytest.fixture
def followup(pemkot_semarang):
    return FollowUpFactory(
        responsible_agency=pemkot_semarang,
        title="Surat edaran netralitas ASN",
        due_date=TODAY + datetime.timedelta(days=10),
    )


def case_with_deadline(user, deadline: datetime.date) -> Report:
    report = intake_report(user=user)
    Report.objects.filter(pk=report.pk).update(deadline=deadline)
    report.refresh_from_db()
    return report


@pytest.mark.django_db
def test_followup_assigned_is_mailed_to_the_agency_with_a_link(pemkot_user, followup):
    assert send(timezone.localdate()) == 1
    (message,) = mail.outbox
    assert message.to == [pemkot_user.email]
    assert "Surat edaran netralitas ASN" in message.subject
    assert f"http://localhost:8000/tindak-lanjut/{followup.pk}/" in message.body
    assert "/akun/pengingat/" in message.body
    assert ReminderSent.objects.get().mailed_at is not None


@pytest.mark.django_db
def test_second_run_the_same_day_and_the_next_day_sends_nothing(pemkot_user, followup):
    today = timezone.localdate()
    assert send(today) == 1
    assert send(today) == 0
    assert send(today + datetime.timedelta(days=1)) == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_command_sends_once(pemkot_user, followup):
    out = io.StringIO()
    call_command("send_reminders", stdout=out)
    call_command("send_reminders", stdout=out)
    assert len(mail.outbox) == 1
    assert out.getvalue().splitlines() == ["1 reminders queued.", "0 reminders queued."]


@pytest.mark.django_db
def test_opted_out_users_and_users_without_email_get_nothing(pemkot_semarang, followup):
    UserFactory(username="pemkot.off", agency=pemkot_semarang, remind_followups=False)
    UserFactory(username="pemkot.nomail", agency=pemkot_semarang, email="")
    UserFactory(username="pemkot.gone", agency=pemkot_semarang, is_active=False)
    on = UserFactory(username="pemkot.on", agency=pemkot_semarang)
    send(timezone.localdate())
    assert recipients() == {on.email}


@pytest.mark.django_db
def test_closed_and_old_followups_are_not_mailed(pemkot_user, pemkot_semarang):
    FollowUpFactory(responsible_agency=pemkot_semarang, status=FollowUpStatus.SELESAI)
    old = FollowUpFactory(responsible_agency=pemkot_semarang)
    type(old).objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )
    assert send(timezone.localdate()) == 0


@pytest.mark.django_db
def test_case_deadline_tomorrow_goes_to_the_handlers_of_the_handling_office(
    semarang_staff, semarang_commissioner, semarang_partner, bawaslu_semarang
):
    UserFactory(username="semarang.lihat", agency=bawaslu_semarang, role=UserRole.VIEWER)
    report = case_with_deadline(semarang_staff, TODAY + datetime.timedelta(days=1))
    case_with_deadline(semarang_staff, TODAY + datetime.timedelta(days=2))  # not yet
    assert send() == 2
    assert recipients() == {semarang_staff.email, semarang_commissioner.email}
    message = mail.outbox[0]
    assert str(report) in message.subject
    assert "tomorrow" in message.body
    assert f"/laporan/{report.pk}/" in message.body
    assert REPORTER_NAME not in message.body + message.subject


@pytest.mark.django_db
def test_deadline_passed_is_mailed_once_and_not_for_closed_cases(semarang_staff):
    late = case_with_deadline(semarang_staff, TODAY - datetime.timedelta(days=1))
    closed = case_with_deadline(semarang_staff, TODAY - datetime.timedelta(days=1))
    Report.objects.filter(pk=closed.pk).update(stage=ReportStage.SELESAI)
    assert send() == 1
    assert send(TODAY + datetime.timedelta(days=1)) == 0  # the same deadline: once
    assert ReminderSent.objects.get().object_id == late.pk
    assert ReminderSent.objects.get().kind == ReminderKind.DEADLINE_PASSED


@pytest.mark.django_db
def test_an_extended_deadline_gets_its_own_reminder(semarang_staff):
    report = case_with_deadline(semarang_staff, TODAY + datetime.timedelta(days=1))
    assert send() == 1
    Report.objects.filter(pk=report.pk).update(deadline=TODAY + datetime.timedelta(days=5))
    assert send(TODAY + datetime.timedelta(days=4)) == 1
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_meeting_tomorrow_reaches_host_and_participants_once_each(
    semarang_staff, pemkot_user, pemkot_semarang, bawaslu_semarang
):
    tomorrow = TODAY + datetime.timedelta(days=1)
    MeetingFactory(
        title="Rakor netralitas",
        starts_at=at_local(tomorrow, 9),
        host_agency=bawaslu_semarang,
        participating_agencies=[pemkot_semarang, bawaslu_semarang],
    )
    MeetingFactory(starts_at=at_local(tomorrow, 10), status=MeetingStatus.DIBATALKAN)
    MeetingFactory(starts_at=at_local(TODAY + datetime.timedelta(days=2), 9))
    assert send() == 2
    assert recipients() == {semarang_staff.email, pemkot_user.email}
    assert all("Rakor netralitas" in message.subject for message in mail.outbox)
    assert "26 November 2026" in mail.outbox[0].body
    assert "WIB" in mail.outbox[0].body


@pytest.mark.django_db
def test_each_kind_can_be_turned_off(semarang_staff, bawaslu_semarang):
    tomorrow = TODAY + datetime.timedelta(days=1)
    case_with_deadline(semarang_staff, tomorrow)
    case_with_deadline(semarang_staff, TODAY - datetime.timedelta(days=2))
    MeetingFactory(starts_at=at_local(tomorrow, 9), host_agency=bawaslu_semarang)
    type(semarang_staff).objects.filter(pk=semarang_staff.pk).update(
        remind_deadline_soon=False, remind_meetings=False
    )
    send()
    assert {reminder.kind for reminder in ReminderSent.objects.all()} == {
        ReminderKind.DEADLINE_PASSED
    }


@pytest.mark.django_db
def test_sender_queries_do_not_grow_with_the_reminders(semarang_staff, bawaslu_semarang):
    tomorrow = TODAY + datetime.timedelta(days=1)

    def build(count):
        ReminderSent.objects.all().delete()
        for _index in range(count):
            case_with_deadline(semarang_staff, tomorrow)
            MeetingFactory(starts_at=at_local(tomorrow, 9), host_agency=bawaslu_semarang)

    build(1)
    few = count_queries(send)
    build(5)
    assert count_queries(send) == few


@pytest.mark.django_db
def test_account_page_turns_kinds_off(client_for, semarang_staff):
    client = client_for(semarang_staff)
    page = client.get("/akun/pengingat/")
    assert page.status_code == 200
    assert "Reminder mails" in page.content.decode()
    response = client.post(
        "/akun/pengingat/", {"remind_followups": "on", "remind_deadline_passed": "on"}
    )
    assert response.status_code == 302
    semarang_staff.refresh_from_db()
    assert semarang_staff.remind_followups
    assert not semarang_staff.remind_deadline_soon
    assert semarang_staff.remind_deadline_passed
    assert not semarang_staff.remind_meetings


@pytest.mark.django_db
def test_account_page_needs_login(client):
    response = client.get("/akun/pengingat/")
    assert response.status_code == 302
    assert response.url.startswith("/masuk/")


@pytest.mark.django_db
def test_account_menu_links_to_the_settings(client_for, semarang_staff):
    html = client_for(semarang_staff).get("/akun/kata-sandi/").content.decode()
    assert 'href="/akun/pengingat/"' in html
