"""The walk: one question a page, the emergency card, the summary strip."""
