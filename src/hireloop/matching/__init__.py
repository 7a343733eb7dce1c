"""Rank a candidate pool against a brief, with the reasons for every score."""

from hireloop.matching.errors import RankingInputInvalid
from hireloop.matching.ranking import (
    BriefFacts,
    CandidateFacts,
    Excluded,
    Factor,
    RankedCandidate,
    Ranking,
    rank_candidates,
)
from hireloop.matching.skill_names import SkillNames

__all__ = [
    "BriefFacts",
    "CandidateFacts",
    "Excluded",
    "Factor",
    "RankedCandidate",
    "Ranking",
    "RankingInputInvalid",
    "SkillNames",
    "rank_candidates",
]
