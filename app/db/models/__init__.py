"""SQLAlchemy models of the directory database (pathway content and service directory)."""

from app.db.models.directory import (
    Attribute,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from app.db.models.pathway import (
    ActionTemplate,
    AudienceRule,
    Base,
    ContentMeta,
    FlowEdge,
    FlowNode,
    Guidance,
    OutcomeRule,
    Question,
    Setting,
)

__all__ = [
    "ActionTemplate",
    "Attribute",
    "AudienceRule",
    "Base",
    "ContentMeta",
    "FlowEdge",
    "FlowNode",
    "Guidance",
    "Location",
    "Organization",
    "OutcomeRule",
    "Phone",
    "Question",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "Setting",
    "TaxonomyTerm",
]
