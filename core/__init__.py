"""Pure-Python complaint domain (no Qt, SQL or HTTP): shared by the desk and the server."""

from .calendar import (
    WorkingCalendar,
    load_local_holidays,
    local_date,
    read_local_holidays,
)
from .categories import (
    CATEGORY_BY_ID,
    DEFAULT_CATEGORIES,
    Category,
    category_children,
    category_path,
)
from .clock import WIB, WIT, WITA, Clock, clock, parse_zone, pinned, set_clock, set_zone
from .deadlines import (
    DeadlineInfo,
    DeadlinePolicy,
    auto_close_due,
    awaiting_disposition,
    days_left,
    deadline_info,
    due_date,
    phase_days,
    phase_deadline_info,
    snapshot_due,
    waits_on_reporter,
)
from .enums import (
    CHANNEL_LABELS,
    CLASSIFICATION_LABELS,
    COMMUTING_KINDS,
    DISPOSITION_INSTRUCTIONS,
    KIND_LABELS,
    KIND_VERBS,
    ROLE_LABELS,
    SIFAT_LABELS,
    STATUS_LABELS,
    VERIFIED_LABEL,
    VISIBILITY_LABELS,
    Channel,
    Classification,
    OpKind,
    Role,
    Sifat,
    Status,
    Visibility,
)
from .errors import DomainError, TransitionError, ValidationError
from .operations import (
    SNAPSHOT_DEFAULTS,
    OpOutcome,
    apply_op,
    check_base_version,
    new_complaint,
)
from .privacy import can_see_reporter, mask_nik, public_view, redact_for
from .regions import Region, Regions
from .sifat import SPEEDS, sifat_secret, sifat_speed
from .validation import (
    NikInfo,
    normalize_phone,
    validate_complaint,
    validate_email,
    validate_nik,
)
from .workflow import (
    TRANSITIONS,
    Actor,
    Transition,
    allowed_kinds,
    can,
    check_scope,
    check_state,
    check_transition,
    in_scope,
)

__all__ = [
    "CATEGORY_BY_ID", "CHANNEL_LABELS", "CLASSIFICATION_LABELS", "COMMUTING_KINDS",
    "DEFAULT_CATEGORIES", "DISPOSITION_INSTRUCTIONS", "KIND_LABELS", "KIND_VERBS",
    "ROLE_LABELS", "SIFAT_LABELS", "SNAPSHOT_DEFAULTS", "STATUS_LABELS", "TRANSITIONS",
    "VERIFIED_LABEL", "VISIBILITY_LABELS", "WIB", "WIT", "WITA",
    "Clock", "clock", "parse_zone", "pinned", "set_clock", "set_zone",
    "Actor", "Category", "Channel", "Classification", "DeadlineInfo", "DeadlinePolicy",
    "DomainError", "NikInfo", "OpKind", "OpOutcome", "Region", "Regions", "Role", "Sifat",
    "Status", "Transition", "TransitionError", "ValidationError", "Visibility",
    "WorkingCalendar",
    "allowed_kinds", "apply_op", "auto_close_due", "awaiting_disposition", "can",
    "can_see_reporter",
    "category_children", "category_path", "check_base_version", "check_scope",
    "check_state", "check_transition", "days_left", "deadline_info", "due_date", "in_scope",
    "load_local_holidays", "local_date", "mask_nik", "new_complaint", "normalize_phone",
    "phase_days", "phase_deadline_info", "public_view", "read_local_holidays", "redact_for",
    "snapshot_due", "SPEEDS", "sifat_secret", "sifat_speed",
    "validate_complaint", "validate_email", "validate_nik", "waits_on_reporter",
]
