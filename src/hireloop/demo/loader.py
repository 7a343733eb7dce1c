"""Loads the demo workspace once: users, the demo brief, and 30 fictional CVs on its board."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.auth.repository import UserRepository
from hireloop.auth.service import create_user
from hireloop.briefs.intake import parse_brief_yaml
from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.briefs.service import create_brief
from hireloop.candidates.import_runner import import_inputs
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import ScreeningRepository
from hireloop.contracts.service import change_status, create_terms
from hireloop.demo.render import demo_brief_yaml, demo_files
from hireloop.documents import InputFile
from hireloop.interviews.service import save_plan, schedule_loop
from hireloop.pipeline import service as pipeline
from hireloop.pipeline.repository import PipelineRepository
from hireloop.runtime import Runtime
from hireloop.shortlists.service import add_to_shortlist

DEMO_EMAIL = "demo@hireloop.example"
DEMO_PASSWORD = "hireloop-demo"
DEMO_USERS = (
    (DEMO_EMAIL, "Dana Demo (recruiter, admin)", "admin"),
    ("manager@hireloop.example", "Morgan Manager", "hiring_manager"),
    ("interviewer@hireloop.example", "Ivy Interviewer", "interviewer"),
)
DEMO_AS_OF = date(2026, 11, 25)
STAGE_BY_VERDICT = {
    "production": "shortlisted",
    "some_production": "screened",
    "claims_only": "screened",
    "notebook_only": "rejected",
    "not_ml": "rejected",
}


def load_demo(runtime: Runtime) -> bool:
    """Load the demo unless it is there already; returns whether anything was loaded."""
    with runtime.transaction() as session:
        if UserRepository(session).by_email(DEMO_EMAIL) is not None:
            return False
        users = [
            create_user(session, email=email, name=name, password=DEMO_PASSWORD, role=role)
            for email, name, role in DEMO_USERS
        ]
        brief = create_brief(session, parse_brief_yaml(demo_brief_yaml()), users[0])
        brief_id, actor_id = brief.id, users[0].id
    inputs = [InputFile.from_bytes(name, data) for name, data in demo_files()]
    import_inputs(
        runtime,
        inputs,
        source="demo workspace",
        brief_id=brief_id,
        actor_id=actor_id,
        workers=1,
        as_of=DEMO_AS_OF,
    )
    with runtime.transaction() as session:
        brief_now = BriefRepository(session).get(brief_id)
        actor = UserRepository(session).get(actor_id)
        assert brief_now is not None
        screenings = ScreeningRepository(session)
        scored: list[tuple[int, Candidate]] = []
        for application, candidate in PipelineRepository(session).board(brief_now.id):
            latest = screenings.latest(application.candidate_id)
            if latest is not None:
                pipeline.move(session, application.id, STAGE_BY_VERDICT[latest.verdict], actor)
                if latest.verdict == "production" and candidate.possible_duplicate_of_id is None:
                    scored.append((latest.score, candidate))
        assert actor is not None
        _stage_the_tour(session, brief_now, actor, users_by_email(session), scored)
    return True


def users_by_email(session: Session) -> dict[str, User]:
    repo = UserRepository(session)
    return {email: user for email, *_ in DEMO_USERS if (user := repo.by_email(email))}


def _stage_the_tour(
    session: Session,
    brief: Brief,
    actor: User,
    users: dict[str, User],
    scored: list[tuple[int, Candidate]],
) -> None:
    """A loop plan with its panel, two shortlisted candidates (one with agreed terms, one whose
    terms are still a draft, so the shortlist gate has something to say) and one loop."""
    manager = users["manager@hireloop.example"]
    interviewer = users["interviewer@hireloop.example"]
    panel = {
        "system_design": manager.id,
        "deep_dive": interviewer.id,
        "behavioural": manager.id,
        "coding": interviewer.id,
    }
    save_plan(session, brief, actor, interviewers=panel)
    best = [candidate for _, candidate in sorted(scored, key=lambda s: (-s[0], s[1].id))[:2]]
    for index, candidate in enumerate(best):
        add_to_shortlist(session, brief, candidate, actor, "strong production evidence")
        terms = create_terms(
            session,
            brief,
            candidate,
            actor,
            {
                "engagement_type": "1099",
                "day_rate": 1500,
                "start_date": "2027-01-11",
                "end_date": "2027-06-25",
            },
        )
        if index == 0:
            change_status(session, terms.id, "proposed", actor)
            change_status(session, terms.id, "agreed", actor)
            start = datetime(2026, 12, 8, 17, 0, tzinfo=UTC)
            schedule_loop(session, brief, candidate.id, start, actor)
