"""The record of processing (UU 27/2022 on personal data): what the portal holds on people.

One row per category of personal data: where it is stored (model and fields), why,
who sees it and how long it is kept. The admins' page ``/privasi/`` renders this
table, and ``tests/reports/test_privacy.py`` checks it against the models: every
field that holds personal data must be listed here (or in :data:`NOT_PERSONAL`,
with the reason), and every field listed must exist. A new personal field
therefore cannot land without its row.

Kept beside the layers (like ``deadlines.py``): it is data that every layer may
read, and it covers the apps below reports (bawaslu_portal, coordination).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from reports.selectors.privacy import IDENTITY_FIELDS

#: A breach of personal data is notified in writing to the data subjects and the supervising
#: agency within 3 x 24 hours (UU 27/2022 Pasal 46 ayat (1); docs/privacy.md).
BREACH_NOTICE_HOURS = 3 * 24


@dataclass(frozen=True)
class Processing:
    category: str
    model: str  # app_label.model_name
    fields: tuple[str, ...]
    purpose: str
    who_sees: str
    retention: str
    #: A setting that sets the retention period (its value is shown on the page).
    retention_setting: str = ""

    def retention_days(self) -> int | None:
        return getattr(settings, self.retention_setting) if self.retention_setting else None


PROCESSING_RECORD: tuple[Processing, ...] = (
    Processing(
        category=_("Reporter identity"),
        model="reports.reporteridentity",
        fields=IDENTITY_FIELDS,
        purpose=_(
            "The formal requirements of a laporan and contacting the reporter about it "
            "(UU 7/2017 ps. 454; UU 10/2016 ps. 134)."
        ),
        who_sees=_(
            "Case handlers of the handling office and of the offices above it, through an "
            "explicit action that is recorded in the audit log. Never in lists, searches or "
            "exports of the report list."
        ),
        retention=_(
            "Anonymised this many days after the case closes (manage.py anonymise_reporters, "
            "daily)."
        ),
        retention_setting="REPORTER_RETENTION_DAYS",
    ),
    Processing(
        category=_("Witnesses named in a report"),
        model="reports.witness",
        fields=("name", "contact", "statement_summary"),
        purpose=_("Clarification of the witnesses during the handling of the case."),
        who_sees=_("Bawaslu officials who may see the case file, in its jurisdiction."),
        retention=_("Name and contact anonymised together with the reporter's identity."),
        retention_setting="REPORTER_RETENTION_DAYS",
    ),
    Processing(
        category=_("The reported civil servant (ASN)"),
        model="reports.report",
        fields=("reported_name", "reported_nip", "reported_address", "reported_phone"),
        purpose=_(
            "Assessing the alleged neutrality violation and forwarding the recommendation to "
            "KASN/BKN and the PPK."
        ),
        who_sees=_("Bawaslu officials who may see the case file, in its jurisdiction."),
        retention=_("Kept with the case file as the record of the enforcement."),
    ),
    Processing(
        category=_("Evidence files"),
        model="reports.evidence",
        fields=("file", "url", "original_name"),
        purpose=_("Proof of the alleged violation."),
        who_sees=_("Bawaslu officials who may see the case file, in its jurisdiction."),
        retention=_("Kept with the case file."),
    ),
    Processing(
        category=_("Meeting attachments"),
        model="coordination.meetingattachment",
        fields=("file", "original_name"),
        purpose=_(
            "Documenting a meeting (attendance lists, photos, minutes): they may show "
            "the people present."
        ),
        who_sees=_("Officials who may see the meeting, in its jurisdiction."),
        retention=_("Kept with the meeting; the meeting's editors delete them."),
    ),
    Processing(
        category=_("Signed declaration documents"),
        model="coordination.declarationdocument",
        fields=("file", "original_name"),
        purpose=_("Proof of a signed neutrality declaration, with the signatories' names."),
        who_sees=_("Officials who may see the declaration, in its jurisdiction."),
        retention=_("Kept with the declaration."),
    ),
    Processing(
        category=_("People in rosters, meetings and declarations"),
        model="bawaslu_portal.person",
        fields=("name", "title", "known_as", "nip", "phone", "email"),
        purpose=_(
            "Coordination: kelurahan rosters, meeting attendance and minutes, declaration "
            "signatories, responsible persons of follow-ups."
        ),
        who_sees=_(
            "Officials in the jurisdiction; the public agenda shows names of public meetings "
            "without contact data."
        ),
        retention=_("While the person holds a position or appears in a record; admins remove."),
    ),
    Processing(
        category=_("Portal accounts"),
        model="bawaslu_portal.user",
        fields=("username", "first_name", "last_name", "email", "person"),
        purpose=_("Logging in, reminder mails and the accountability of every change."),
        who_sees=_("Administrators; colleagues see the names on the records they touched."),
        retention=_("While the account exists; an account that leaves is deactivated."),
    ),
    Processing(
        category=_("Audit log"),
        model="bawaslu_portal.auditevent",
        fields=("user", "username", "ip", "details"),
        purpose=_(
            "Security and accountability: logins, denials, identity views, exports, admin "
            "changes, data-subject requests; the evidence for a breach notification."
        ),
        who_sees=_("Administrators (read-only)."),
        retention=_("Deleted after this many days (manage.py purge_audit_log, daily)."),
        retention_setting="AUDIT_RETENTION_DAYS",
    ),
    Processing(
        category=_("Search index"),
        model="search.searchdocument",
        fields=("title", "body", "restricted_body"),
        purpose=_(
            "Finding records by their words. The reporter's name is kept apart, only to find "
            "a report for those who may see its reporter, and is never shown in a result."
        ),
        who_sees=_("Each official finds only the records they may see."),
        retention=_(
            "Follows the records: refreshed when one changes or is deleted, and when its "
            "reporter is anonymised."
        ),
    ),
    Processing(
        category=_("Reminder mails sent"),
        model="office.remindersent",
        fields=("user",),
        purpose=_("Sending each reminder once."),
        who_sees=_("Nobody through the portal (administrators through the database)."),
        retention=_("Kept as long as the account."),
    ),
)

#: Fields that look like personal data but are not, with the reason (checked by the test).
NOT_PERSONAL: dict[tuple[str, str], str] = {
    ("bawaslu_portal.agency", "name"): "an institution",
    ("bawaslu_portal.agency", "short_name"): "an institution",
    ("bawaslu_portal.agency", "address"): "an institution's office address",
    ("bawaslu_portal.agency", "phone"): "an institution's office phone",
    ("bawaslu_portal.agency", "email"): "an institution's office mailbox",
    ("reports.report", "reported_agency_name"): "the reported ASN's agency, an institution",
}
