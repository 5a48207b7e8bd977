"""Sealed challenge links: the learners' link and the teacher's board link, signed with the server's secret.

    learners:  ?challenge=<payload>&room=<room id>&seal=<HMAC(secret, "learners", room, payload)>
    board:     ?challenge=<payload>&room=<room id>&board=<HMAC(secret, "board", room, payload)>

`payload` is `minifig.challenge.encode`'s text, signed exactly as it travels: any change to the goal, the limits or
the hidden controls (one character, or the same challenge re-encoded with a raised limit) breaks the seal. The two
keys are HMACs of the same text under different purpose labels, so the board key cannot be worked out from the
learners' link without the secret. A challenge link without a seal (made before links were sealed) is refused too:
accepting it would let anyone drop the seal and edit the rest.

The secret comes from `MINIFIG_SECRET`, or is generated once and kept in `.minifig-secret` beside the app (git
ignores it); replicas behind a load balancer must share it (set `MINIFIG_SECRET` on every one).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from minifig import challenge as challenges
from minifig.challenge import Challenge, ChallengeError
from minifig.i18n import Message

SECRET_ENV = "MINIFIG_SECRET"
SECRET_FILE = Path(__file__).resolve().parents[1] / ".minifig-secret"
ROOM, SEAL, BOARD = "room", "seal", "board"  # the query parameters beside `challenge`
KEY_BYTES = 16  # a seal or teacher key: 128 bits of HMAC-SHA256, 22 characters in a link
ROOM_CHARS = 22
PURPOSES = ("learners", "board")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SealedChallenge:
    """A challenge whose seal was checked, and the room its learners post to."""

    challenge: Challenge
    room: str  # the room's id as the link carries it
    payload: str  # the challenge's text as signed

    @property
    def store_key(self) -> str:
        """Where the room's entries are kept: one room per (room id, challenge), so a changed challenge starts anew."""
        return hashlib.sha256(f"{self.room}\n{self.payload}".encode()).hexdigest()[:24]


def server_secret(environ: Mapping[str, str] | None = None, path: Path = SECRET_FILE) -> bytes:
    """The server's secret: `MINIFIG_SECRET`, or the file at `path`, created (once, atomically) if missing.

    Where the file cannot be written (a read-only app directory, as in the Docker image), the secret is made for
    this process only, with a warning: links then hold until the server restarts, and replicas would not agree.
    """
    environ = os.environ if environ is None else environ
    if environ.get(SECRET_ENV):
        return environ[SECRET_ENV].encode("utf-8")
    try:
        if not path.exists():
            _create(path)
        return path.read_text().strip().encode("utf-8")
    except OSError as error:
        log.warning(
            "%s is not set and %s cannot be used (%s): links hold until this server restarts", SECRET_ENV, path, error
        )
        return secrets.token_urlsafe(32).encode("utf-8")


def _create(path: Path) -> None:
    draft = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    draft.write_text(secrets.token_urlsafe(32))
    draft.chmod(0o600)
    try:
        os.link(draft, path)  # fails if another process made it first: then theirs is the secret
    except FileExistsError:
        pass
    finally:
        draft.unlink()


def new_room() -> str:
    return secrets.token_urlsafe(16)[:ROOM_CHARS]


def key_for(purpose: str, room: str, payload: str, secret: bytes) -> str:
    """The seal (`purpose="learners"`) or the teacher's board key (`"board"`) of a room's challenge."""
    if purpose not in PURPOSES:
        raise ValueError(f"Received an invalid value for `purpose`, expected one of {PURPOSES}. Received: {purpose!r}")
    text = f"minifig/{purpose}\n{room}\n{payload}".encode()
    digest = hmac.new(secret, text, hashlib.sha256).digest()[:KEY_BYTES]
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def learners_query(challenge: Challenge, room: str, secret: bytes) -> dict[str, str]:
    """The query parameters of the learners' link (beside the starting figure's)."""
    payload = challenges.encode(challenge)
    return {challenges.PARAM: payload, ROOM: room, SEAL: key_for("learners", room, payload, secret)}


def board_query(challenge: Challenge, room: str, secret: bytes) -> dict[str, str]:
    """The query parameters of the teacher's board link."""
    payload = challenges.encode(challenge)
    return {challenges.PARAM: payload, ROOM: room, BOARD: key_for("board", room, payload, secret)}


def wants_board(query: Mapping[str, list[str]]) -> bool:
    return bool(query.get(BOARD))


def read_learners_link(query: Mapping[str, list[str]], secret: bytes) -> SealedChallenge:
    """The challenge of a learners' link whose seal holds (`query`: every parameter's values, untrusted).

    Raises:
        ChallengeError: the link has no seal, or the seal does not match what the link says, or the challenge
            itself is unusable.
    """
    return _read(query, SEAL, "learners", secret)


def read_board_link(query: Mapping[str, list[str]], secret: bytes) -> SealedChallenge:
    """The challenge of a board link whose teacher key holds (see `read_learners_link`)."""
    return _read(query, BOARD, "board", secret)


def _read(query: Mapping[str, list[str]], param: str, purpose: str, secret: bytes) -> SealedChallenge:
    payload, room, key = (_last(query, name) for name in (challenges.PARAM, ROOM, param))
    if not key or not room:
        raise ChallengeError([Message(f"seal.missing_{purpose}")])
    if not payload or not hmac.compare_digest(key.encode(), key_for(purpose, room, payload, secret).encode()):
        raise ChallengeError([Message(f"seal.broken_{purpose}")])
    return SealedChallenge(challenges.parse(payload), room, payload)


def _last(query: Mapping[str, list[str]], name: str) -> str:
    values = query.get(name) or [""]
    value = values[-1]
    return value if isinstance(value, str) and len(value) <= challenges.MAX_LINK_CHARS else ""
