"""Loads the demo workspace once: users, the demo brief, and 30 fictional CVs on its board."""

from __future__ import annotations

from datetime import date

from hireloop.auth.repository import UserRepository
from hireloop.auth.service import create_user
from hireloop.briefs.intake import parse_brief_yaml
from hireloop.briefs.repository import BriefRepository
from hireloop.briefs.service import create_brief
from hireloop.candidates.import_runner import import_inputs
from hireloop.candidates.repository import ScreeningRepository
from hireloop.demo.render import demo_brief_yaml, demo_files
from hireloop.documents import InputFile
from hireloop.pipeline import service as pipeline
from hireloop.pipeline.repository import PipelineRepository
from hireloop.runtime import Runtime

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
        for application, _candidate in PipelineRepository(session).board(brief_now.id):
            latest = screenings.latest(application.candidate_id)
            if latest is not None:
                pipeline.move(session, application.id, STAGE_BY_VERDICT[latest.verdict], actor)
    return True
