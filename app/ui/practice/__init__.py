"""Practice: rehearse a disclosure on the real question pages and plan, with feedback."""
