"""The history a clerk reads, in pt-BR sentences (see `sentences`); the names callers use."""

from contoffice.db.queries.history.fields import FIELDS, changes, show
from contoffice.db.queries.history.labels import (
    ACTION_LABELS,
    ALTERATIONS,
    ENTITY_LABELS,
    UNAUDITED_EVENTS,
    label,
)
from contoffice.db.queries.history.sentences import event_sentence, sentence
from contoffice.db.queries.history.templates import EVENT_TEMPLATES, TEMPLATES

__all__ = [
    "ACTION_LABELS", "ALTERATIONS", "ENTITY_LABELS", "EVENT_TEMPLATES", "FIELDS",
    "TEMPLATES", "UNAUDITED_EVENTS", "changes", "event_sentence", "label", "sentence", "show",
]
