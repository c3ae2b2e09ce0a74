"""The plan: grouped action cards, the read-back, the PDF."""
