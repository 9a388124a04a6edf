"""/cari/ runs the same number of queries whatever the number of documents (issue 9 §3)."""

import pytest
from django.urls import reverse

from search.documents import SOURCES, build_documents
from search.models import SearchKind
from search.services import search_index_rebuild
from tests.factories.campaigns import DeclarationFactory, ProgramFactory
from tests.factories.coordination import FollowUpFactory, MeetingFactory
from tests.factories.portal import AgencyFactory, PersonFactory, PositionFactory
from tests.factories.reports import ReporterIdentityFactory, ReportFactory
from tests.querycount import count_queries

WORD = "Gombelwetan"
URL = reverse("search:search")


def add_records(count, *, office, partner_agency):
    for number in range(count):
        MeetingFactory(
            title=f"Rapat {WORD} {number}",
            host_agency=office,
            participating_agencies=[partner_agency],
        )
        FollowUpFactory(title=f"Tindak lanjut {WORD} {number}", responsible_agency=partner_agency)
        DeclarationFactory(title=f"Deklarasi {WORD} {number}", organiser=office)
        ProgramFactory(name=f"Program {WORD} {number}", owner_agency=office)
        report = ReportFactory(office=office, reported_name=f"Terlapor {WORD} {number}")
        ReporterIdentityFactory(report=report, name=f"Pelapor {WORD} {number}")
        PositionFactory(person=PersonFactory(name=f"Warga {WORD} {number}"))
    search_index_rebuild()


@pytest.mark.parametrize("role", ["semarang_staff", "semarang_partner", "jateng_staff"])
@pytest.mark.parametrize("kind", ["", SearchKind.MEETING, SearchKind.PERSON])
def test_same_queries_with_few_and_many_documents(
    request, client_for, bawaslu_semarang, pemkot_semarang, role, kind
):
    client = client_for(request.getfixturevalue(role))
    params = {"q": WORD, "type": kind}
    add_records(1, office=bawaslu_semarang, partner_agency=pemkot_semarang)
    few = count_queries(lambda: client.get(URL, params))
    add_records(24, office=bawaslu_semarang, partner_agency=pemkot_semarang)
    many = count_queries(lambda: client.get(URL, params))
    assert few == many
    response = client.get(URL, params)
    assert response.status_code == 200
    assert 'data-search-result="' in response.content.decode()


@pytest.mark.parametrize("kind", SearchKind.values)
def test_building_documents_costs_the_same_for_few_and_many_records(
    kind, bawaslu_semarang, pemkot_semarang
):
    """The index (rebuild and the save signals) builds a batch of documents of one kind in
    the same queries whether the batch holds 2 records or 25."""
    add_records(25, office=bawaslu_semarang, partner_agency=pemkot_semarang)
    AgencyFactory.create_batch(25)
    source = SOURCES[kind]
    model = source.queryset().model
    ids = list(model.objects.order_by(source.key_field).values_list(source.key_field, flat=True))
    assert len(ids) >= 25
    few = count_queries(lambda: build_documents(kind, ids[:2]))
    many = count_queries(lambda: build_documents(kind, ids[:25]))
    assert few == many
    documents, _keys = build_documents(kind, ids[:25])
    assert len(documents) == 25
