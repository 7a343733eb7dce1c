"""Every table, imported in one place so metadata and migrations see them all."""

from hireloop.auth.models import User
from hireloop.briefs.models import Brief
from hireloop.candidates.models import Candidate, Document, ImportBatch, ImportItem, Screening
from hireloop.compliance.models import AuditEntry
from hireloop.contracts.models import TermSheetRecord
from hireloop.db import Base
from hireloop.engagements.models import DeliveryEntry, Engagement
from hireloop.interviews.models import BriefLoopPlan, Loop, ScorecardVersion, StoredScorecard
from hireloop.matching.models import CandidateFact, Vetting
from hireloop.pipeline.models import Application, StageEvent
from hireloop.rates.models import MarketSignal, RateCheckRecord
from hireloop.shortlists.models import ShortlistEntry, ShortlistPresentation

__all__ = [
    "Application",
    "AuditEntry",
    "Base",
    "Brief",
    "BriefLoopPlan",
    "Candidate",
    "CandidateFact",
    "DeliveryEntry",
    "Document",
    "Engagement",
    "ImportBatch",
    "ImportItem",
    "Loop",
    "MarketSignal",
    "RateCheckRecord",
    "ScorecardVersion",
    "Screening",
    "ShortlistEntry",
    "ShortlistPresentation",
    "StageEvent",
    "StoredScorecard",
    "TermSheetRecord",
    "User",
    "Vetting",
]
