"""The person form's door to the people services: load for editing, save new or edited."""

from __future__ import annotations

from dataclasses import dataclass

from contoffice.db.uow import UnitOfWork
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people import records as people
from contoffice.services.people.records import PersonInput


@dataclass(frozen=True, slots=True)
class PersonForEdit:
    person_id: int
    data: PersonInput
    version: int


def load_person(uow: UnitOfWork, person_id: int) -> PersonForEdit:
    """The stored person as form values and the version the edit starts from."""
    with uow:
        data, version = people.person_input(uow, person_id)
    return PersonForEdit(person_id, data, version)


def save_person(uow: UnitOfWork, actor: Actor, data: PersonInput,
                edit: PersonForEdit | None = None) -> int:
    """Create (edit None) or update the person; returns its code."""
    with uow:
        if edit is None:
            return people.create_person(uow, actor, data)
        people.update_person(uow, actor, edit.person_id, data, expected_version=edit.version)
        return edit.person_id
