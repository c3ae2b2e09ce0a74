"""Headless commands: route (shared spec/contract.md) and directory."""
