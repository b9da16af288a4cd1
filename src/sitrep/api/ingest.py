"""POST /api/documents: ingest documents over HTTP, off unless an API key is configured."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from sitrep.api.database import Database
from sitrep.api.errors import ApiError
from sitrep.errors import InputError
from sitrep.model import Document

router = APIRouter(prefix="/api")
MAX_DOCUMENTS = 100


class DocumentIn(BaseModel):
    """A document object of the public contract."""

    id: str | None = Field(default=None, max_length=500)
    text: str | None = Field(default=None, max_length=10_000_000)
    html: str | None = Field(default=None, max_length=10_000_000)
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD or ISO 8601")
    publisher: str | None = None


def check_key(configured: str, authorization: str | None, api_key: str | None) -> None:
    """Let the request through only with the configured key (constant-time comparison)."""
    if not configured:
        raise ApiError(403, "ingest_disabled",
                       "ingest over the API is off; set SITREP_API_KEY (or [api] key) to turn it on")
    given = api_key or ""
    if not given and authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not hmac.compare_digest(given.encode("utf-8"), configured.encode("utf-8")):
        raise ApiError(401, "unauthorized", "a valid API key is needed (header X-API-Key or Authorization: Bearer)")


def _documents(payload: list[DocumentIn]) -> list[Document]:
    from sitrep.read.objects import document_from_object

    documents = []
    for number, item in enumerate(payload, start=1):
        try:
            documents.append(document_from_object(item.model_dump(exclude_none=True), "request", number))
        except InputError as exc:
            raise ApiError(422, "invalid_document", str(exc)) from exc
    return documents


@router.post("/documents", status_code=201, summary="Ingest documents (needs the API key)")
def post_documents(
    request: Request,
    payload: Annotated[DocumentIn | list[DocumentIn], Body()],
    authorization: Annotated[str | None, Header()] = None,
    x_api_key: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    check_key(request.app.state.api_key, authorization, x_api_key)
    items = payload if isinstance(payload, list) else [payload]
    if not items or len(items) > MAX_DOCUMENTS:
        raise ApiError(422, "invalid_request", f"send 1 to {MAX_DOCUMENTS} documents")
    documents = _documents(items)
    from sitrep.run.ingest import ingest

    database: Database = request.app.state.database
    with database.writing():
        counts: dict[str, Any] = ingest(documents, [], request.app.state.settings, str(database.path))
    return JSONResponse({"documents": [document.id for document in documents], "counts": counts}, status_code=201)
