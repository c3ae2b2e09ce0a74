"""Runs under the system's Python (python3-pyatspi): reads the app's accessibility tree over
the AT-SPI bus, as a screen reader would, and prints it as JSON. `events SECONDS` prints
"ready", then the announcements heard in the next SECONDS."""

import json
import sys
import time

import pyatspi


def app_of(pid):
    """The app, once its bridge has registered (the bus starts when first asked for)."""
    for _ in range(40):
        desktop = pyatspi.Registry.getDesktop(0)
        found = next((a for a in desktop if a is not None and a.get_process_id() == pid), None)
        if found is not None:
            return found
        time.sleep(0.25)
    return None


def text_of(node):
    try:
        return node.queryText().getText(0, -1)
    except (NotImplementedError, Exception):
        return ""


def tree(node, out, depth=0):
    if node is None or depth > 80:
        return out
    states = node.getState()
    out.append(
        {
            "role": node.getRoleName(),
            "name": node.name or "",
            "description": node.description or "",
            "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
            "showing": states.contains(pyatspi.STATE_SHOWING),
            "text": text_of(node),
        }
    )
    for child in node:
        tree(child, out, depth + 1)
    return out


def events(pid, seconds):
    from gi.repository import GLib

    heard = []

    def hear(event):
        if event.host_application is None or event.host_application.get_process_id() == pid:
            heard.append({"type": str(event.type), "data": str(event.any_data or "")})

    pyatspi.Registry.registerEventListener(hear, "object:announcement")
    GLib.timeout_add(200, lambda: print("ready", flush=True) and False)
    GLib.timeout_add(int(seconds * 1000), lambda: pyatspi.Registry.stop() or False)
    pyatspi.Registry.start()
    return heard


if __name__ == "__main__":
    pid = int(sys.argv[1])
    if sys.argv[2] == "tree":
        print(json.dumps(tree(app_of(pid), [])))
    else:
        print(json.dumps(events(pid, float(sys.argv[3]))))
