"""The directory tab: search as you type, off the GUI thread."""
