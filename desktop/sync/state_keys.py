"""The keys the sync keeps in the store's ``sync_state`` table (desktop/store/sync_state.py)."""

CURSOR_KEY = "cursor"
LAST_SYNC_KEY = "last_sync"
LAST_ERROR_KEY = "last_error"
LAST_ATTEMPT_KEY = "last_attempt"
LOGIN_REQUIRED_KEY = "login_required"
PENDING_RESET_KEY = "pending_reset"
USERS_KEY = "directory_users"
# The agencies' structures of jabatan (issue 17): "AGENCY/CODE" -> position JSON, and
# agency -> {"any_level": bool} (desktop/workflow/chain.py reads them).
POSITIONS_KEY = "org_positions"
ORG_POLICIES_KEY = "org_policies"
UPLOADED_KEY = "uploaded_attachments"
# After the server was restored from a backup: what this desk re-sent and which complaints
# came back under another tracking number (for the officer; `lapor-desk status`).
RESTORE_KEY = "server_restored"
# The signed-in officer (the author of the ops this desk replays).
ACTOR_KEY = "actor"
