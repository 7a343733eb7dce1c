from __future__ import annotations

from typing import Any

from hireloop.candidates.models import Candidate


def candidate_dict(candidate: Candidate) -> dict[str, Any]:
    return {
        "id": candidate.id,
        "name": candidate.name,
        "email": candidate.email,
        "phone": candidate.phone,
        "location": candidate.location,
        "possible_duplicate_of": candidate.possible_duplicate_of_id,
        "created_at": candidate.created_at.isoformat(),
    }
