"""Who may do what: users and roles, passwords, login with lock-out, the first admin.

- `users`: the `User` table, `Role`, `Actor`, the role sets (`EDIT_PLAN`, …) and
  `authorize()`, which every write function calls to re-read the acting user from the database;
  `set_email_reminders()`, a user's own opt-out of the weekly reminder e-mails.
- `passwords`: the password rules and bcrypt hashes (streamlit-authenticator's format).
- `login`: `attempt_login()` under the throttle, `unlock()`, SSO mapping, and the
  `login_event` audit.
- `throttle`: the brute-force counters by username and by client address, with back-off.
- `sessions`: server-side login sessions: what a login cookie stands for, and what ends it.
- `first_admin`: the one-time setup code that lets one person create the first admin.
- `signing_key`: the login cookie's key: configured, or generated once in the data folder.
- `client_address`: the client's address behind trusted reverse proxies (`X-Forwarded-For`
  read from the right), and whether a trusted proxy says the browser used HTTPS.

Builds on `models.core` only.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "first_admin": [
            "SetupError",
            "SetupCode",
            "needs_setup",
            "get_or_create_setup_code",
            "create_first_admin",
        ],
        "login": [
            "LoginOutcome",
            "LoginEvent",
            "LoginResult",
            "is_known_address",
            "attempt_login",
            "unlock",
            "record_cookie_refused",
            "record_logout",
            "sso_login",
            "login_events",
        ],
        "sessions": [
            "SessionEnd",
            "LoginSession",
            "OpenedSession",
            "IssuedCookie",
            "open_session",
            "redeem_handoff",
            "handoff_pending",
            "live_session",
            "session_for_cookie",
            "end_session",
            "end_user_sessions",
        ],
        "throttle": [
            "LoginThrottle",
            "Block",
            "backoff",
            "client_label",
            "current_blocks",
            "clear_counters",
        ],
        "passwords": [
            "PasswordError",
            "validate_password",
            "hash_password",
            "verify_password",
            "dummy_hash",
        ],
        "signing_key": ["WeakKeyError", "check_key", "resolve_cookie_key"],
        "users": [
            "Role",
            "PermissionDenied",
            "UserError",
            "User",
            "Actor",
            "normalise_username",
            "normalise_email",
            "authorize",
            "get_user",
            "user_for_email",
            "list_users",
            "count_users",
            "create_user",
            "set_role",
            "reset_password",
            "set_active",
            "set_email_reminders",
        ],
    },
)
