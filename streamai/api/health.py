from flask_openapi3 import APIBlueprint, Tag

from ..contract.models import AuthInfo, Health
from . import BEARER, error_answers, reply, service, settings
from .security import auth_required, bearer_token, role_for

bp = APIBlueprint("health", __name__, url_prefix="/api", abp_tags=[Tag(name="health")])


@bp.get("/health", responses={200: Health})
def health():
    """Liveness and readiness: answers while the process is up; `status` is `degraded` when
    RECORDINGS_PATH or the database cannot be used (`storage.error` says why). Needs no token."""
    return reply(service().health(auth_required(settings())))


@bp.get("/auth", responses={200: AuthInfo, **error_answers(401)}, security=BEARER)
def auth():
    """The role the request's token gives: `operator` (everything) or `viewer` (read only)."""
    role = role_for(settings(), bearer_token())
    return reply(AuthInfo(role=role or "viewer", auth_required=auth_required(settings())))
