"""Upload CVs from the browser (many files or a ZIP) and read what became of each file."""

from __future__ import annotations

import re
import shutil
import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from hireloop.auth.models import User
from hireloop.briefs.service import list_briefs
from hireloop.candidates.import_runner import import_paths
from hireloop.candidates.repository import ImportRepository
from hireloop.kit.errors import InvalidInput, NotFound
from hireloop.web.deps import DbSession, require, runtime_of
from hireloop.web.templating import render

router = APIRouter()
Importer = Annotated[User, Depends(require("candidate:write"))]
MAX_UPLOAD_BYTES = 200 * 1024 * 1024
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


@router.get("/imports", response_class=HTMLResponse)
def imports_page(request: Request, db: DbSession, user: Importer) -> Response:
    context = {
        "batches": ImportRepository(db).recent_batches(),
        "briefs": list_briefs(db, status="open"),
        "error": None,
    }
    return render(request, "imports.html", context)


@router.post("/imports", response_model=None)
def upload(
    request: Request,
    db: DbSession,
    user: Importer,
    files: Annotated[list[UploadFile], File()],
    brief_id: Annotated[str, Form()] = "",
) -> Response:
    runtime = runtime_of(request)
    folder = runtime.settings.home / "uploads" / uuid.uuid4().hex
    folder.mkdir(parents=True)
    try:
        total = 0
        for index, upload_file in enumerate(files):
            data = upload_file.file.read(MAX_UPLOAD_BYTES + 1)
            total += len(data)
            if total > MAX_UPLOAD_BYTES:
                raise InvalidInput("the upload is larger than 200 MB; split it into smaller ones")
            name = _UNSAFE.sub("_", (upload_file.filename or f"file-{index}").rsplit("/", 1)[-1])
            (folder / f"{index:05d}-{name or 'file'}").write_bytes(data)
        if not any(folder.iterdir()):
            raise InvalidInput("choose at least one file to upload")
        summary = import_paths(
            runtime,
            [folder],
            brief_id=int(brief_id) if brief_id else None,
            actor_id=user.id,
            workers=2,
            as_of=date.today(),
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return RedirectResponse(f"/imports/{summary.batch_id}", status_code=303)


@router.get("/imports/{batch_id}", response_class=HTMLResponse)
def import_results(request: Request, batch_id: int, db: DbSession, user: Importer) -> Response:
    repo = ImportRepository(db)
    batch = repo.get_batch(batch_id)
    if batch is None:
        raise NotFound(f"no import with id {batch_id}")
    context = {
        "batch": batch,
        "failed": repo.items(batch_id, "failed"),
        "imported": repo.items(batch_id, "imported"),
        "duplicates": repo.items(batch_id, "duplicate"),
    }
    return render(request, "import.html", context)
