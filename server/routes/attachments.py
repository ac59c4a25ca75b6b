"""Attachment upload (idempotent, by SHA-256) and download, both authorized."""

from __future__ import annotations

from pathlib import Path as PathType
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse

from server import attachments
from server.attachments import ALLOWED_TYPES, Upload, UploadProblem, media_type
from server.deps import Ctx, CurrentUser
from server.errors import ApiError
from server.models import Attachment
from server.schemas import SHA256_PATTERN, AttachmentOut, ErrorOut

router = APIRouter(prefix="/attachments", tags=["attachments"])
_ERRORS = {400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 404: {"model": ErrorOut},
           413: {"model": ErrorOut}, 415: {"model": ErrorOut}}
ShaPath = Annotated[str, Path(max_length=64, pattern=SHA256_PATTERN)]
_BODY = {"requestBody": {"required": True, "content": {
    t: {"schema": {"type": "string", "format": "binary"}} for t in ALLOWED_TYPES}}}


def _sha(value: str) -> str:
    sha = value.strip().lower()
    if not attachments.SHA_RE.match(sha):
        raise ApiError(400, "invalid_hash", "Alamat berkas harus SHA-256 (64 digit heksadesimal).")
    return sha


@router.put("/{sha256}", response_model=AttachmentOut, status_code=201, responses={
    200: {"model": AttachmentOut, "description": "already stored"}, **_ERRORS},
    openapi_extra=_BODY)
async def upload(request: Request, sha256: ShaPath, principal: CurrentUser,
                 ctx: Ctx) -> JSONResponse:
    """Store the raw request body under its SHA-256 (201 new, 200 already there)."""
    sha = _sha(sha256)
    mime = media_type(request.headers.get("content-type"))
    if mime not in ALLOWED_TYPES:
        raise ApiError(415, "unsupported_media_type",
                       f"Jenis berkas {mime or '(kosong)'} tidak diterima.",
                       {"allowed": sorted(ALLOWED_TYPES)})
    upload = Upload(ctx.settings.attachments_dir, ctx.settings.max_attachment_bytes)

    def register(tmp: PathType) -> bool:
        # The bytes (database chunks, or the file moved into place) and the record commit
        # together: a recorded file always has its bytes (server/blobstore.py).
        with ctx.db.write() as session:
            ctx.blobs.save(session, sha, tmp)
            return attachments.register(session, principal, sha, upload.size, mime)

    try:
        async for chunk in request.stream():
            if chunk:
                upload.write(chunk)
        tmp = await run_in_threadpool(upload.finish, sha, mime)
        created = await run_in_threadpool(register, tmp)
    except UploadProblem as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None
    finally:
        upload.discard()
    return JSONResponse({"sha256": sha, "size": upload.size, "mime": mime, "created": created},
                        status_code=201 if created else 200)


@router.get("/{sha256}", responses={200: {"content": {"application/octet-stream": {}}},
                                    **_ERRORS}, response_class=FileResponse)
def download(sha256: ShaPath, principal: CurrentUser, ctx: Ctx) -> Response:
    """The file's bytes, for its uploader and whoever may see a complaint referencing it."""
    sha = _sha(sha256)
    store = ctx.blobs
    with ctx.db.read() as session:
        blob = session.get(Attachment, sha)
        allowed = blob is not None and attachments.may_read(session, principal, sha)
        present = allowed and store.has(session, sha)
    if not present:
        raise ApiError(404, "not_found", "Berkas tidak ditemukan.")
    headers = {"X-Content-Type-Options": "nosniff",
               "Cache-Control": "private, max-age=31536000, immutable"}
    path = store.path(sha)
    if path is not None:
        return FileResponse(path, media_type=blob.mime, headers=headers)
    # From the database, chunk by chunk (each chunk its own short read).
    headers["Content-Length"] = str(blob.size)
    return StreamingResponse(store.read(sha), media_type=blob.mime, headers=headers)
