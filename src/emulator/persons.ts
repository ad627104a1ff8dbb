/** Persons of a group: enough to add them and count them (no faces). */
import { randomUUID } from 'node:crypto';
import { type Answer, serviceError } from './answer';
import { pageOf, readNamedBody } from './body-rules';
import type { GroupRequest } from './groups';
import { SERVICE } from './service-table';
import { type StoredGroup, type StoredPerson, sortedPersons } from './store';

/** POST …/{id}/persons: `{name, userData?}` → 200 `{personId}`. */
export function addPerson(req: GroupRequest, group: StoredGroup, personQuota: number): Answer {
  const read = readNamedBody(req.contentType, req.body, true);
  if ('refused' in read) return read.refused;
  const { body } = read;
  if (group.persons.size >= personQuota)
    return serviceError(403, SERVICE.quotaExceededCode, req.words.personQuota);
  const person: StoredPerson = { personId: randomUUID(), name: body.name as string };
  if (typeof body.userData === 'string') person.userData = body.userData;
  group.persons.set(person.personId, person);
  return { status: 200, json: { personId: person.personId } };
}

/** GET …/{id}/persons?start=&top=: persons sorted by personId. */
export function listPersons(req: GroupRequest, group: StoredGroup): Answer {
  const page = pageOf(req.query);
  if ('status' in page) return page;
  const persons = sortedPersons(group)
    .filter((person) => person.personId > page.start)
    .slice(0, page.top)
    .map((person) => ({ ...person, userData: person.userData ?? null, persistedFaceIds: [] }));
  return { status: 200, json: persons };
}
