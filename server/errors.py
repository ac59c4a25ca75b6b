"""The one error shape of the API: ``{"error": code, "message": Indonesian text, "details": ...}``.

Handlers turn validation errors into 422, malformed JSON into 400 and anything unexpected
into a 500 that carries no stack trace (the trace goes to the server log only).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match


def _allowed_methods(app: FastAPI, req: Request) -> str:
    """Every method any route serves at this path (one route per method in FastAPI)."""
    methods: set[str] = set()
    for route in app.router.routes:
        match, _ = route.matches(req.scope)
        if match != Match.NONE:
            methods.update(getattr(route, "methods", None) or ())
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, details: Any = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": code, "message": message, "details": details}


def error_response(status: int, code: str, message: str, details: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


_HTTP_CODES = {
    400: ("bad_request", "Permintaan tidak valid."),
    401: ("unauthorized", "Silakan masuk terlebih dahulu."),
    403: ("forbidden", "Anda tidak berwenang melakukan ini."),
    404: ("not_found", "Data tidak ditemukan."),
    405: ("method_not_allowed", "Metode tidak diizinkan untuk alamat ini."),
    406: ("not_acceptable", "Format jawaban yang diminta tidak tersedia."),
    413: ("too_large", "Data yang dikirim terlalu besar."),
    415: ("unsupported_media_type", "Jenis data tidak didukung."),
    429: ("too_many_requests", "Terlalu banyak percobaan. Coba lagi nanti."),
}


def _clean(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Never echo the rejected input back: it may be huge or hold personal data.
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in errors]


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_req: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_req: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(400, "malformed_json", "Isi permintaan bukan JSON yang sah.",
                                  _clean(errors))
        return error_response(422, "invalid", "Data yang dikirim tidak valid.", _clean(errors))

    @app.exception_handler(StarletteHTTPException)
    async def _http(req: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _HTTP_CODES.get(exc.status_code, ("error", "Permintaan gagal."))
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = _allowed_methods(app, req)
        return error_response(exc.status_code, code, message, None, headers or None)

    @app.exception_handler(Exception)
    async def _unexpected(_req: Request, _exc: Exception) -> JSONResponse:
        # uvicorn logs the traceback to the server log; the client gets none of it.
        return error_response(500, "internal", "Terjadi kesalahan di server. Coba lagi nanti.")
