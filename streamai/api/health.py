from ..contract.models import AuthInfo, Health
from . import BEARER, blueprint, control, error_answers, reply, settings
from .security import auth_required, bearer_token, role_for

bp = blueprint("health", "/api", needs_token=False)


@bp.get("/health", responses={200: Health})
def health():
    """Liveness and readiness, with no token needed.

    Answers while the process is up; `status` is `degraded` when RECORDINGS_PATH or the database
    cannot be used (`storage.error` says why)."""
    return reply(control().health(auth_required(settings())))


@bp.get("/auth", responses={200: AuthInfo, **error_answers(401)}, security=BEARER)
def auth():
    """The role the request's token gives: `operator` (everything) or `viewer` (read only)."""
    role = role_for(settings(), bearer_token())
    return reply(AuthInfo(role=role or "viewer", auth_required=auth_required(settings())))
