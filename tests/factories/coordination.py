"""Factories for meetings, attendees, agenda items, attachments and follow-ups.

Meetings default to Kota Semarang (33.74), hosted by a Bawaslu Kota Semarang
agency; pass ``region_id``/``host_agency`` for another city.
"""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from bawaslu_portal.models import AgencyKind
from coordination.models import (
    AgendaItem,
    AttendeeRole,
    FollowUp,
    FollowUpNote,
    FollowUpStatus,
    Meeting,
    MeetingAttendee,
    MeetingKind,
    MeetingStatus,
    Topic,
)
from tests.factories.portal import AgencyFactory, PersonFactory


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Topik {n}")


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    kind = MeetingKind.RAKOR
    title = factory.Sequence(lambda n: f"Rapat koordinasi {n}")
    theme = "Netralitas ASN"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + datetime.timedelta(hours=2))
    venue = "Balaikota Semarang"
    region_id = "33.74"
    host_agency = factory.SubFactory(
        AgencyFactory,
        kind=AgencyKind.BAWASLU_KABKOTA,
        region_id=factory.SelfAttribute("..region_id"),
    )
    status = MeetingStatus.DIRENCANAKAN

    @factory.post_generation
    def participating_agencies(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.participating_agencies.set(extracted)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)


class MeetingAttendeeFactory(DjangoModelFactory):
    class Meta:
        model = MeetingAttendee

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    role = AttendeeRole.PESERTA
    position_title = "Kepala Bapenda"
    order = factory.Sequence(lambda n: n)


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Acara {n}")
    order = factory.Sequence(lambda n: n)


class FollowUpFactory(DjangoModelFactory):
    class Meta:
        model = FollowUp

    title = factory.Sequence(lambda n: f"Tindak lanjut {n}")
    responsible_agency = factory.SubFactory(AgencyFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    status = FollowUpStatus.TERBUKA
    region_id = "33.74"


class FollowUpNoteFactory(DjangoModelFactory):
    class Meta:
        model = FollowUpNote

    follow_up = factory.SubFactory(FollowUpFactory)
    date = factory.LazyFunction(timezone.localdate)
    text = "Sudah dikoordinasikan."
