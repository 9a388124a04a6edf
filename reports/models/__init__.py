"""Models of the reports app, one module per feature.

- ``rules``: the editable rule data (elections and their periods, violation
  categories, deadline rules, non-working days)
- ``cases``: the report, its reporter identity, witnesses, evidence, comments
  and the log of identity views
- ``related``: the groups of linked reports (same incident, same reported ASN)
- ``workflow``: the stages, the history of every move, registration counters,
  the sanctions and the follow-through (recipient, linked follow-ups)
- ``shared``: what they share (the dated entries on a case: history, comments)

Django loads an app's models from ``reports.models``: every model is imported
here, and so are the choices and helpers callers use, so ``from reports.models
import Report`` reads the same whichever module defines it. Migrations refer to
``reports.models.generate_tracking_code``: keep that name here.
"""

from .cases import (
    DUE_SOON_DAYS,
    TRACKING_ALPHABET,
    TRACKING_CODE_LENGTH,
    Citizenship,
    EmploymentType,
    Evidence,
    Report,
    ReportComment,
    ReporterIdentity,
    ReporterIdentityAccess,
    ReportSource,
    Sex,
    Witness,
    format_tracking_code,
    generate_tracking_code,
    nik_validator,
    normalize_tracking_code,
    tracking_code_validator,
)
from .related import LINKABLE_STAGES, PLENO_STAGES, ReportGroup, is_joint_move
from .rules import (
    CountedFrom,
    DayUnit,
    DeadlineRule,
    DeadlineStep,
    Election,
    ElectionStage,
    ElectionStageKind,
    ElectionType,
    NonWorkingDay,
    ViolationCategory,
    ViolationGroup,
)
from .workflow import (
    BKN_RECEIVES_FROM,
    FollowUpKind,
    RecommendationRecipient,
    RegistrationCounter,
    ReportFollowUp,
    ReportHistory,
    ReportStage,
    Sanction,
    recommendation_recipient_for,
)

__all__ = [
    "BKN_RECEIVES_FROM",
    "DUE_SOON_DAYS",
    "TRACKING_ALPHABET",
    "TRACKING_CODE_LENGTH",
    "Citizenship",
    "CountedFrom",
    "DayUnit",
    "DeadlineRule",
    "DeadlineStep",
    "Election",
    "ElectionStage",
    "ElectionStageKind",
    "ElectionType",
    "EmploymentType",
    "LINKABLE_STAGES",
    "PLENO_STAGES",
    "Evidence",
    "FollowUpKind",
    "NonWorkingDay",
    "RecommendationRecipient",
    "RegistrationCounter",
    "Report",
    "ReportComment",
    "ReporterIdentity",
    "ReporterIdentityAccess",
    "ReportFollowUp",
    "ReportGroup",
    "ReportHistory",
    "ReportSource",
    "ReportStage",
    "Sanction",
    "Sex",
    "ViolationCategory",
    "ViolationGroup",
    "Witness",
    "format_tracking_code",
    "generate_tracking_code",
    "is_joint_move",
    "nik_validator",
    "normalize_tracking_code",
    "recommendation_recipient_for",
    "tracking_code_validator",
]
