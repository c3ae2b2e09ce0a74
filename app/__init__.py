"""Disclosure navigator: routes a disclosure of domestic or sexual abuse to an explained plan."""

__version__ = "0.1.0"
