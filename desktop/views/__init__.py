"""Qt widgets of the desk: present and dispatch only (no SQL/HTTP on the GUI thread)."""
