"""The person form's door to the people services: load for editing, save new or edited."""

from __future__ import annotations

from dataclasses import dataclass

from contoffice.db.uow import UnitOfWork
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people import access as client_access
from contoffice.services.people import records as people
from contoffice.services.people.access import AccessInput, AccessView
from contoffice.services.people.records import PersonInput


@dataclass(frozen=True, slots=True)
class PersonForEdit:
    person_id: int
    data: PersonInput
    version: int
    access: AccessView | None = None  # Informações de acesso as stored


def load_person(uow: UnitOfWork, person_id: int) -> PersonForEdit:
    """The stored person as form values and the version the edit starts from."""
    with uow:
        data, version = people.person_input(uow, person_id)
        access = client_access.access_view(uow, person_id)
    return PersonForEdit(person_id, data, version, access)


def save_person(uow: UnitOfWork, actor: Actor, data: PersonInput,
                edit: PersonForEdit | None = None, access: AccessInput | None = None) -> int:
    """Create (edit None) or update the person, and its access data when given; its code.

    The access data is checked (permission, fields, login taken) before the person is
    written, so a refusal there leaves nothing half saved; it is saved right after the
    person, in the same unit of work.
    """
    with uow:
        if access is not None:
            client_access.check_access(uow, actor, edit.person_id if edit else None, access)
        if edit is None:
            person_id = people.create_person(uow, actor, data)
        else:
            people.update_person(uow, actor, edit.person_id, data, expected_version=edit.version)
            person_id = edit.person_id
        if access is not None:
            client_access.save_access(uow, actor, person_id, access)
        return person_id
