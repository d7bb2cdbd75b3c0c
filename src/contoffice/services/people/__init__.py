"""People: registration, the person form's door and the finder's reads."""
