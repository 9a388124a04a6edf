"""The two-size query-count coverage of every page, and the portal pages it lacked.

The house standard: "every list, detail and dashboard page has a query-count test at two
data sizes" (the same number of queries with a few rows and with many, so that no query hides
in a loop). This module completes that coverage for the portal's own tables (the user, login
log and admin changelists that had only a bounded-COUNT check) and holds its guard:

- :data:`PAGES`: every named URL pattern of the portal (walked from the resolver, as the
  authorization matrix does), with either the test that counts its queries at two sizes or
  the reason it needs none (a form without rows, a redirect, a static page, a file).
- :data:`ADMIN_CHANGELISTS`: every model registered in the admin, the same way.

A new pattern or a newly registered model without a row fails the suite, and so does a row
whose pattern or model is gone, or whose test does not exist or measures no queries. A page
that lists records gets its two-size test (in ``tests/<app>/test_query_counts.py`` or beside
its other tests) and its row here; ``docs/testing.md`` says the same.
"""

import importlib
import inspect

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory
from tests.portal.test_admin import assert_no_unbounded_count
from tests.querycount import count_queries
from tests.url_matrix import named_patterns

pytestmark = pytest.mark.django_db

# ---------------------------------------------------------------------------------------
# The portal changelists without a two-size test elsewhere
# ---------------------------------------------------------------------------------------


def _users(count):
    UserFactory.create_batch(count)


def _login_rows(model, **fields):
    def add(count):
        start = model.objects.count()
        for index in range(start, start + count):
            model.objects.create(
                username=f"orang{index}",
                ip_address=f"10.0.{index // 250}.{index % 250 + 1}",
                user_agent="Mozilla/5.0",
                http_accept="text/html",
                path_info="/masuk/",
                **fields,
            )

    return add


#: The changelists measured here and how to add ``n`` rows to each.
PORTAL_CHANGELISTS = {
    "admin:bawaslu_portal_user_changelist": _users,
    "admin:axes_accessattempt_changelist": _login_rows(AccessAttempt, failures_since_start=1),
    "admin:axes_accesslog_changelist": _login_rows(AccessLog),
    "admin:axes_accessfailurelog_changelist": _login_rows(AccessFailureLog),
}


@pytest.mark.parametrize("name", list(PORTAL_CHANGELISTS))
def test_portal_changelists_do_not_grow(admin_client, regions, name):
    """Accounts and login logs: the same queries for 2 and 12 more rows, every row listed, no
    COUNT(*) without a LIMIT."""
    url = reverse(name)
    add = PORTAL_CHANGELISTS[name]
    add(2)
    admin_client.get(url)  # warm the session and the content types
    small = count_queries(lambda: admin_client.get(url))
    before = len(admin_client.get(url).context["cl"].result_list)
    add(10)
    with CaptureQueriesContext(connection) as captured:
        response = admin_client.get(url)
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == before + 10
    assert_no_unbounded_count(captured.captured_queries)
    assert len(captured.captured_queries) == small, "\n".join(
        query["sql"] for query in captured.captured_queries
    )


# ---------------------------------------------------------------------------------------
# The guard: every page and changelist, with its test or the reason it needs none
# ---------------------------------------------------------------------------------------

FORM = "a form page: no rows of records, the choices are one query each"
REDIRECT = "a POST action or a redirect: no page of its own"
STATIC = "a page of fixed text, no records"
DOWNLOAD = "a stored file sent as it is: one record, no rows"

#: Every named URL pattern → the test (``path::function``) that counts its queries at two data
#: sizes, or ``("none", why)``.
PAGES: dict[str, str | tuple[str, str]] = {
    "home": "tests/office/test_queue.py::test_home_runs_the_same_queries_at_two_sizes",
    "region_browse": "tests/portal/test_views.py::test_query_count_does_not_grow_with_data",
    "region_detail": "tests/portal/test_views.py::test_query_count_does_not_grow_with_data",
    "agency_list": "tests/portal/test_views.py::test_query_count_does_not_grow_with_data",
    "agency_detail": "tests/portal/test_views.py::test_query_count_does_not_grow_with_data",
    "set_language": ("none", REDIRECT),
    "search:search": (
        "tests/search/test_querycount.py::test_same_queries_with_few_and_many_documents"
    ),
    "login": ("none", FORM),
    "logout": ("none", REDIRECT),
    "password_change": ("none", FORM),
    "password_change_done": ("none", STATIC),
    "password_reset": ("none", FORM),
    "password_reset_done": ("none", STATIC),
    "password_reset_confirm": ("none", FORM),
    "password_reset_complete": ("none", STATIC),
    # office
    "office:dashboard": (
        "tests/office/test_dashboard.py::test_dashboard_runs_the_same_queries_at_two_sizes"
    ),
    "office:recap": "tests/office/test_recap.py::test_recap_runs_the_same_queries_at_two_sizes",
    "office:recap_print": (
        "tests/office/test_recap.py::test_print_view_runs_the_same_queries_at_two_sizes"
    ),
    "office:recap_pdf": (
        "tests/office/test_query_counts.py::test_recap_pdf_runs_the_same_queries_at_two_sizes"
    ),
    "office:activity": (
        "tests/office/test_activity.py::test_feed_runs_the_same_queries_at_two_sizes"
    ),
    "office:reminder_preferences": ("none", FORM),
    # coordination: meetings and follow-ups
    "coordination:meeting_list": (
        "tests/coordination/test_views_meetings.py::test_meeting_list_query_count_does_not_grow"
    ),
    "coordination:meeting_detail": (
        "tests/coordination/test_views_meetings.py::test_meeting_detail_query_count_does_not_grow"
    ),
    "coordination:meeting_create": (
        "tests/coordination/test_views_meetings.py"
        "::test_meeting_form_query_count_does_not_grow_with_rows"
    ),
    "coordination:meeting_update": (
        "tests/coordination/test_views_meetings.py"
        "::test_meeting_form_query_count_does_not_grow_with_rows"
    ),
    "coordination:meeting_copy": ("none", "a confirmation form about one meeting, no rows"),
    "coordination:meeting_print": (
        "tests/coordination/test_printing.py::test_print_view_query_count_does_not_grow_with_rows"
    ),
    "coordination:meeting_pdf": (
        "tests/coordination/test_query_counts.py::test_meeting_pdf_does_not_grow"
    ),
    "coordination:attachment_upload": ("none", REDIRECT),
    "coordination:attachment_download": ("none", DOWNLOAD),
    "coordination:attachment_delete": ("none", "a confirmation form about one file, no rows"),
    "coordination:meeting_follow_up_create": ("none", FORM),
    "coordination:follow_up_list": (
        "tests/coordination/test_views_followups.py::test_list_query_count_does_not_grow"
    ),
    "coordination:follow_up_create": ("none", FORM),
    "coordination:follow_up_detail": (
        "tests/coordination/test_views_followups.py::test_detail_query_count_does_not_grow"
    ),
    "coordination:follow_up_update": ("none", FORM),
    "coordination:follow_up_progress": ("none", FORM),
    "coordination:follow_up_status": ("none", REDIRECT),
    "coordination:my_tasks": (
        "tests/coordination/test_views_followups.py::test_my_tasks_query_count_does_not_grow"
    ),
    "coordination:follow_up_print": (
        "tests/coordination/test_printing.py::test_follow_up_print_query_count"
    ),
    # coordination: the public agenda
    "coordination:public_agenda": (
        "tests/coordination/test_public_agenda.py::test_agenda_query_count_does_not_grow_with_rows"
    ),
    "coordination:public_meeting": (
        "tests/coordination/test_public_agenda.py::test_public_meeting_page_query_count"
    ),
    "coordination:public_feed": (
        "tests/coordination/test_ical.py::test_feed_query_count_does_not_grow_with_events"
    ),
    "coordination:public_city_feed": (
        "tests/coordination/test_query_counts.py::test_city_agenda_feed_does_not_grow"
    ),
    # coordination: declarations, designations, programs, pokja
    "coordination:declaration_list": (
        "tests/coordination/test_campaigns_views.py"
        "::test_declaration_pages_query_counts_do_not_grow"
    ),
    "coordination:declaration_create": ("none", FORM),
    "coordination:declaration_detail": (
        "tests/coordination/test_campaigns_views.py"
        "::test_declaration_detail_query_count_does_not_grow"
    ),
    "coordination:declaration_update": (
        "tests/coordination/test_campaigns_views.py::test_row_forms_query_counts_do_not_grow"
    ),
    "coordination:declaration_delete": ("none", "a confirmation form about one record, no rows"),
    "coordination:declaration_document_add": ("none", REDIRECT),
    "coordination:declaration_document_download": ("none", DOWNLOAD),
    "coordination:declaration_document_delete": ("none", REDIRECT),
    "coordination:campaign_list": (
        "tests/coordination/test_campaigns_views.py"
        "::test_declaration_pages_query_counts_do_not_grow"
    ),
    "coordination:campaign_create": ("none", FORM),
    "coordination:campaign_detail": (
        "tests/coordination/test_campaigns_views.py"
        "::test_declaration_pages_query_counts_do_not_grow"
    ),
    "coordination:campaign_update": ("none", FORM),
    "coordination:designation_list": (
        "tests/coordination/test_campaigns_views.py"
        "::test_designation_pages_query_counts_do_not_grow"
    ),
    "coordination:designation_create": ("none", FORM),
    "coordination:designation_coverage": (
        "tests/coordination/test_campaigns_views.py"
        "::test_designation_pages_query_counts_do_not_grow"
    ),
    "coordination:designation_update": ("none", FORM),
    "coordination:designation_revoke": ("none", "a confirmation form about one record, no rows"),
    "coordination:program_list": (
        "tests/coordination/test_campaigns_views.py::test_program_pages_query_counts_do_not_grow"
    ),
    "coordination:program_create": ("none", FORM),
    "coordination:program_detail": (
        "tests/coordination/test_campaigns_views.py::test_program_pages_query_counts_do_not_grow"
    ),
    "coordination:program_update": (
        "tests/coordination/test_campaigns_views.py::test_row_forms_query_counts_do_not_grow"
    ),
    "coordination:program_meetings": (
        "tests/coordination/test_query_counts.py::test_meeting_choice_pages_do_not_grow"
    ),
    "coordination:working_group_list": (
        "tests/coordination/test_campaigns_views.py"
        "::test_working_group_pages_query_counts_do_not_grow"
    ),
    "coordination:working_group_create": ("none", FORM),
    "coordination:working_group_detail": (
        "tests/coordination/test_campaigns_views.py"
        "::test_working_group_pages_query_counts_do_not_grow"
    ),
    "coordination:working_group_update": (
        "tests/coordination/test_campaigns_views.py::test_row_forms_query_counts_do_not_grow"
    ),
    "coordination:working_group_meetings": (
        "tests/coordination/test_query_counts.py::test_meeting_choice_pages_do_not_grow"
    ),
    # reports
    "reports:list": "tests/reports/test_views_cases.py::test_list_query_count_does_not_grow",
    "reports:detail": "tests/reports/test_views_cases.py::test_detail_query_count_does_not_grow",
    "reports:create": (
        "tests/reports/test_intake.py::test_form_page_queries_do_not_grow_with_the_choices"
    ),
    "reports:export_csv": "tests/reports/test_exports.py::test_export_query_count_does_not_grow",
    "reports:export_xlsx": "tests/reports/test_exports.py::test_export_query_count_does_not_grow",
    "reports:reporter_identity": ("none", "a POST that shows one identity, no rows"),
    "reports:reporter_export": (
        "tests/reports/test_privacy.py::test_export_query_count_does_not_grow_with_the_reports"
    ),
    "reports:reporter_correct": (
        "tests/reports/test_privacy.py::test_record_and_correction_pages_query_counts_do_not_grow"
    ),
    "reports:processing_record": (
        "tests/reports/test_privacy.py::test_record_and_correction_pages_query_counts_do_not_grow"
    ),
    "reports:evidence_download": ("none", DOWNLOAD),
    "reports:evidence_add": ("none", FORM),
    "reports:transition": (
        "tests/reports/test_workflow_views.py::test_action_page_queries_do_not_grow_with_the_case"
    ),
    "reports:comment_add": ("none", REDIRECT),
    "reports:link": ("none", REDIRECT),
    "reports:unlink": ("none", REDIRECT),
    "reports:register": (
        "tests/reports/test_documents.py::test_register_query_count_does_not_grow"
    ),
    "reports:register_pdf": ("tests/reports/test_query_counts.py::test_register_pdf_does_not_grow"),
    "reports:receipt": "tests/reports/test_documents.py::test_document_query_count_does_not_grow",
    "reports:receipt_pdf": "tests/reports/test_query_counts.py::test_document_pdfs_do_not_grow",
    "reports:document": "tests/reports/test_documents.py::test_document_query_count_does_not_grow",
    "reports:document_pdf": "tests/reports/test_query_counts.py::test_document_pdfs_do_not_grow",
    "reports:public_start": ("none", FORM),
    "reports:public_done": ("none", "the filer's tracking code from the session, no records"),
    "reports:public_form": (
        "tests/reports/test_public.py::test_public_form_queries_do_not_grow_with_the_choices"
    ),
    "reports:status_check": (
        "tests/reports/test_public.py::test_status_check_query_count_does_not_grow"
    ),
}

SMALL_LIST = "a hand-kept list of names (tens of rows, ordered by hand), no foreign keys shown"
RULE_DATA = "statutory rule data (tens of rows, seeded by migrations), no foreign keys shown"

#: Every model registered in the admin (``app_label.model``) → the test that counts its
#: changelist's queries at two sizes, or ``("none", why)``.
ADMIN_CHANGELISTS: dict[str, str | tuple[str, str]] = {
    "bawaslu_portal.region": "tests/portal/test_admin.py::test_admin_pages_do_not_grow_with_data",
    "bawaslu_portal.position": (
        "tests/portal/test_admin.py::test_admin_pages_do_not_grow_with_data"
    ),
    "bawaslu_portal.agency": "tests/portal/test_admin.py::test_admin_pages_do_not_grow_with_data",
    "bawaslu_portal.person": "tests/portal/test_admin.py::test_admin_pages_do_not_grow_with_data",
    "bawaslu_portal.auditevent": (
        "tests/portal/test_audit.py::test_changelist_query_count_does_not_grow"
    ),
    "bawaslu_portal.user": "tests/portal/test_query_counts.py::test_portal_changelists_do_not_grow",
    "axes.accessattempt": "tests/portal/test_query_counts.py::test_portal_changelists_do_not_grow",
    "axes.accesslog": "tests/portal/test_query_counts.py::test_portal_changelists_do_not_grow",
    "axes.accessfailurelog": (
        "tests/portal/test_query_counts.py::test_portal_changelists_do_not_grow"
    ),
    "django_tasks_database.dbtaskresult": (
        "none",
        "one row per reminder run; its COUNT is capped "
        "(tests/portal/test_audit.py::test_task_results_admin_is_bounded)",
    ),
    "bawaslu_portal.positionrole": ("none", SMALL_LIST),
    "coordination.topic": ("none", SMALL_LIST),
    "coordination.designationkind": ("none", SMALL_LIST),
    "auth.group": ("none", "the permission groups: a handful of rows"),
    "reports.deadlinerule": ("none", RULE_DATA),
    "reports.election": ("none", RULE_DATA),
    "reports.nonworkingday": ("none", RULE_DATA),
    "reports.violationcategory": ("none", RULE_DATA),
    **{
        f"coordination.{model}": (
            "tests/coordination/test_query_counts.py::test_admin_changelists_do_not_grow"
        )
        for model in (
            "meeting",
            "followup",
            "declaration",
            "declarationcampaign",
            "kelurahandesignation",
            "program",
            "workinggroup",
        )
    },
}

#: What a test that counts queries calls (``tests/querycount.py`` or Django's own capture).
MEASURES = ("count_queries", "CaptureQueriesContext", "assert_max_queries")


def _test_function(reference: str):
    path, name = reference.split("::")
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    return getattr(module, name, None), module


def _measures(function, module) -> bool:
    """Whether ``function`` counts queries itself or through a helper of its module."""
    helpers = [
        name
        for name, value in vars(module).items()
        if inspect.isfunction(value)
        and value.__module__ == module.__name__
        and not name.startswith("test_")
        and any(word in inspect.getsource(value) for word in MEASURES)
    ]
    source = inspect.getsource(function)
    return any(word in source for word in MEASURES) or any(f"{h}(" in source for h in helpers)


def _errors(table: dict) -> list[str]:
    errors = []
    for key, entry in table.items():
        if isinstance(entry, tuple):
            if entry[0] != "none" or not entry[1]:
                errors.append(f"{key}: a row without a test says ('none', why)")
            continue
        function, module = _test_function(entry)
        if not (callable(function) and function.__name__.startswith("test_")):
            errors.append(f"{key}: {entry} is not a test")
            continue
        if not _measures(function, module):
            errors.append(f"{key}: {entry} counts no queries")
    return errors


def test_every_url_pattern_has_a_row():
    """A new page needs its row: the two-size test that covers it, or why it needs none."""
    patterns = set(named_patterns())
    assert sorted(patterns - set(PAGES)) == [], "add these patterns to PAGES"
    assert sorted(set(PAGES) - patterns) == [], "these rows name no URL pattern"


def test_every_admin_model_has_a_row():
    """A newly registered admin model needs its row, like a page."""
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert sorted(registered - set(ADMIN_CHANGELISTS)) == [], "add these models"
    assert sorted(set(ADMIN_CHANGELISTS) - registered) == [], "these models are not registered"


@pytest.mark.parametrize("table", ["PAGES", "ADMIN_CHANGELISTS"])
def test_every_named_test_exists_and_counts_queries(table):
    """Each row's test exists (renamed or deleted tests fail here) and counts queries."""
    assert _errors(globals()[table]) == []
