"""The settings tab: the worker's own settings and what is kept."""
