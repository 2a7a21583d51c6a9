"""What a curated fact must hold: field names, allowed values and the fact-file schema version."""

from __future__ import annotations

# Bump when a fact file's shape changes; the validator refuses files written for another version.
SCHEMA_VERSION = 1

JURISDICTIONS = ("US", "UK", "EU")

AUTHORITIES = (
    "FDA", "DEA", "MHRA", "Home Office", "NICE", "EMA", "European Commission",
    # Acts of a legislature (e.g. the 2018 US Farm Bill, a UK Order in Council) are cited as such.
    "US Congress", "UK Parliament",
    # Studied (not labelled) doses come from peer-reviewed trials, named as the authority.
    "peer-reviewed study",
)

KINDS = (
    "approval",         # first marketing authorisation of a product
    "extension",        # a new indication, population or use added to an approved product
    "rejection",        # refused, not recommended, or a complete response letter
    "legal_class",      # a schedule or class under controlled-drug law
    "safety_warning",   # a regulator's warning or safety communication
    "labelled_dose",    # the dose range on an approved label
    "studied_dose",     # a dose used in published trials (not an approval)
    "guidance",         # guidance or a statement that bears on a use (incl. what is NOT approved)
    "designation",      # breakthrough, orphan or similar designation (not an approval)
    "revocation",       # an authorisation withdrawn or revoked
)

REQUIRED = (
    "id", "substance", "jurisdiction", "authority", "kind", "date", "summary",
    "source_url", "source_title", "verified",
)

OPTIONAL = (
    "product", "brand", "form", "route", "indication", "indications", "population",
    "conditions_of_use", "reference", "legal_status", "dose", "finding", "covers", "related",
    "notes", "date_effective", "date_precision",
)

# How exact `date` is: a record confirmed only to the month is stored as its first day with "month".
DATE_PRECISIONS = ("day", "month", "year")

DATE_FIELDS = ("date", "verified", "date_effective")

# Kinds that must say more than the common fields, and what.
KIND_REQUIRES = {
    "approval": ("product", "indication", "indications"),
    "extension": ("product", "indication", "indications"),
    "legal_class": ("legal_status",),
    "labelled_dose": ("dose",),
    "studied_dose": ("dose",),
}

LEGAL_STATUS_KEYS = ("regime", "schedule", "class", "code", "citation", "mdr_schedule")

DOSE_KEYS = ("low", "high", "unit", "route", "purpose", "frequency", "upper_limit", "iu_per_unit", "route_required")

# finding: what a warning, guidance or rejection says of the use it names.
FINDINGS = ("not_approved", "not_shown_effective", "unsafe", "not_recommended", "recommended", "approved")
