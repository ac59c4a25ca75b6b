"""A richer complaint detail than the basic pane: actions, attachments, related complaints."""
