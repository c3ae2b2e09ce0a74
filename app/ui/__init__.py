"""Qt widgets only. Widgets never query the database: they are handed plain objects."""
