"""Qt widgets only. Widgets never query the database: they are handed plain objects.

Every window's module is imported through this package, so PySide's import hook is made
cheap here, before any of them imports Qt (app/ui/pyside_hook.py)."""

from app.ui.pyside_hook import skip_source_scan

skip_source_scan()
