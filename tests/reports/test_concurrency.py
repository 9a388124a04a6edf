"""Two officials at the same moment, on PostgreSQL with two real connections.

Each test starts threads (each thread has its own database connection) that
wait at a barrier and then act together. SQLite has no row locks
(``select_for_update`` is a no-op there) and serialises writers on the whole
file, so these tests only run on PostgreSQL; CI runs them there.

``serialized_rollback`` restores the seeded rule data (deadline rules,
categories, elections) after the flush a transactional test ends with, so the
tests that follow still find it.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from reports.models import RegistrationCounter, Report, ReportHistory, ReportStage
from reports.services.workflow import report_transition
from tests.factories.reports import ReportFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite has no row locks, so concurrency cannot be tested on it",
    ),
]


def run_together(*calls):
    """Run each call in its own thread (own connection), all released at once.

    Returns ``(results, errors)``, in call order; a thread's result is None when
    it raised.
    """
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)
    errors = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as exc:  # noqa: BLE001 - the test inspects every outcome
            errors[index] = exc
        finally:
            connection.close()

    threads = [
        threading.Thread(target=worker, args=(index, call)) for index, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


def test_concurrent_transitions_one_wins_the_other_is_told(semarang_staff, semarang_commissioner):
    """Both officials saw version 1; one moves the report, the other gets ``stale_version``."""
    report = ReportFactory(office=semarang_staff.agency)

    results, errors = run_together(
        lambda: report_transition(
            actor=semarang_staff,
            report=report,
            to_stage=ReportStage.KAJIAN_AWAL,
            expected_version=1,
        ),
        lambda: report_transition(
            actor=semarang_commissioner,
            report=report,
            to_stage=ReportStage.DICABUT,
            expected_version=1,
            reason="Pelapor mencabut laporan.",
        ),
    )

    winners = [result for result in results if result is not None]
    assert len(winners) == 1
    losers = [error for error in errors if error is not None]
    assert len(losers) == 1
    assert isinstance(losers[0], ValidationError)
    assert losers[0].code == "stale_version"
    fresh = Report.objects.get(pk=report.pk)
    assert fresh.version == 2
    assert fresh.stage == winners[0].stage
    assert ReportHistory.objects.filter(report=report).count() == 1


def test_concurrent_registrations_get_consecutive_numbers(semarang_staff, semarang_commissioner):
    """Registrations at the same moment (no counter row yet) get 001…004, no gap, no duplicate."""
    office = semarang_staff.agency
    reports = [ReportFactory(office=office, stage=ReportStage.KAJIAN_AWAL) for _ in range(4)]
    actors = [semarang_staff, semarang_commissioner] * 2

    results, errors = run_together(
        *(
            lambda report=report, actor=actor: report_transition(
                actor=actor,
                report=report,
                to_stage=ReportStage.DIREGISTRASI,
                expected_version=1,
            )
            for report, actor in zip(reports, actors, strict=True)
        )
    )

    assert errors == [None] * 4
    sequences = sorted(result.registration_sequence for result in results)
    assert sequences == [1, 2, 3, 4]
    numbers = set(
        Report.objects.filter(pk__in=[r.pk for r in reports]).values_list(
            "registration_number", flat=True
        )
    )
    assert len(numbers) == 4
    assert RegistrationCounter.objects.get(office=office).last == 4


def test_the_same_report_is_registered_once(semarang_staff, semarang_commissioner):
    """Two officials registering the same report: one number is used, the other is told."""
    report = ReportFactory(office=semarang_staff.agency, stage=ReportStage.KAJIAN_AWAL)

    results, errors = run_together(
        *(
            lambda actor=actor: report_transition(
                actor=actor,
                report=report,
                to_stage=ReportStage.DIREGISTRASI,
                expected_version=1,
            )
            for actor in (semarang_staff, semarang_commissioner)
        )
    )

    assert sum(result is not None for result in results) == 1
    assert [error.code for error in errors if error is not None] == ["stale_version"]
    assert RegistrationCounter.objects.get(office=semarang_staff.agency).last == 1
