"""The web application: create_app(settings) mounts each domain's pages and API routes."""

from __future__ import annotations

from importlib import resources

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from hireloop.auth import pages as auth_pages
from hireloop.auth import routes as auth_routes
from hireloop.briefs import pages as brief_pages
from hireloop.briefs import routes as brief_routes
from hireloop.candidates import import_pages
from hireloop.candidates import pages as candidate_pages
from hireloop.candidates import routes as candidate_routes
from hireloop.contracts import pages as contract_pages
from hireloop.contracts import routes as contract_routes
from hireloop.engagements import pages as engagement_pages
from hireloop.engagements import routes as engagement_routes
from hireloop.interviews import pages as interview_pages
from hireloop.interviews import routes as interview_routes
from hireloop.interviews import scorecard_pages as interview_scorecard_pages
from hireloop.matching import pages as matching_pages
from hireloop.matching import routes as matching_routes
from hireloop.pipeline import pages as pipeline_pages
from hireloop.pipeline import routes as pipeline_routes
from hireloop.rates import pages as rate_pages
from hireloop.rates import routes as rate_routes
from hireloop.runtime import Runtime
from hireloop.settings import Settings
from hireloop.shortlists import pages as shortlist_pages
from hireloop.shortlists import routes as shortlist_routes
from hireloop.web import api_docs
from hireloop.web.deps import csrf_protect
from hireloop.web.errors import install_error_handlers

ROUTERS = (
    api_docs.router,
    auth_pages.router,
    auth_routes.router,
    brief_pages.router,  # before pipeline's /briefs/{id}: it serves /briefs/new
    brief_routes.router,
    matching_pages.router,  # before /candidates/{id}: it serves /candidates/search
    matching_routes.router,  # before /api/v1/candidates/{id}, for the same reason
    candidate_pages.router,
    import_pages.router,
    candidate_routes.router,
    interview_pages.router,
    interview_scorecard_pages.router,
    interview_routes.router,
    pipeline_pages.router,
    pipeline_routes.router,
    rate_pages.router,
    rate_routes.router,
    shortlist_pages.router,
    shortlist_routes.router,
    contract_pages.router,
    contract_routes.router,
    engagement_pages.router,
    engagement_routes.router,
)


def create_app(settings: Settings | None = None, runtime: Runtime | None = None) -> FastAPI:
    runtime = runtime or Runtime(settings or Settings())
    app = FastAPI(
        title="hireloop",
        version="0.1.0",
        docs_url=None,
        openapi_url=None,
        redoc_url=None,
        dependencies=[Depends(csrf_protect)],
    )
    app.state.runtime = runtime
    app.add_middleware(
        SessionMiddleware,
        secret_key=runtime.settings.session_secret,
        session_cookie="hireloop_session",
        max_age=runtime.settings.session_max_age_seconds,
        same_site="lax",
        https_only=runtime.settings.secure_cookies,
    )
    static_dir = resources.files("hireloop.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    for router in ROUTERS:
        app.include_router(router)
    install_error_handlers(app)
    return app
