/** The emulator's memory: one namespace per subscription key (as Azure keeps groups per resource), per kind. */
import { createHash } from 'node:crypto';
import type { EmulatorGroupView, RecognitionModel } from './rules';
import type { KindWords } from './service-table';

/** The kinds of group, named by their path segment. */
export type GroupKind = KindWords['path'];

/** A training as started: its status at any moment follows from these and the clock. */
export interface TrainingRun {
  startedAt: number;
  /** When it leaves `notstarted` for `running`. */
  runsAt: number;
  endsAt: number;
  outcome: 'succeeded' | 'failed';
  /** The end of the last training that succeeded before this one. */
  previousSuccessAt?: number;
}

export interface StoredPerson {
  personId: string;
  name: string;
  userData?: string;
}

export interface StoredGroup {
  id: string;
  name: string;
  userData?: string;
  recognitionModel: RecognitionModel;
  persons: Map<string, StoredPerson>;
  training?: TrainingRun;
}

/** A short, stable, non-reversible id for a key: what the request record and namespaces use instead of the key. */
export function keyId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

const byId =
  <T>(id: (item: T) => string) =>
  (a: T, b: T) =>
    id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;

/** The groups of one key and kind. */
export class GroupSpace {
  private readonly groups = new Map<string, StoredGroup>();

  get size(): number {
    return this.groups.size;
  }
  get(id: string): StoredGroup | undefined {
    return this.groups.get(id);
  }
  add(group: StoredGroup): void {
    this.groups.set(group.id, group);
  }
  delete(id: string): void {
    this.groups.delete(id);
  }
  /** Sorted by id, as the service lists them. */
  sorted(): StoredGroup[] {
    return [...this.groups.values()].sort(byId((group) => group.id));
  }
}

/** Group spaces by key id and kind. */
export class EmulatorStore {
  private readonly spaces = new Map<string, GroupSpace>();

  /** The groups of one key id and kind (created on first use). */
  space(id: string, kind: GroupKind): GroupSpace {
    const name = `${kind}:${id}`;
    let space = this.spaces.get(name);
    if (space === undefined) {
      space = new GroupSpace();
      this.spaces.set(name, space);
    }
    return space;
  }

  clear(): void {
    this.spaces.clear();
  }
}

/** The persons of a group sorted by personId, as the service lists them. */
export function sortedPersons(group: StoredGroup): StoredPerson[] {
  return [...group.persons.values()].sort(byId((person) => person.personId));
}

/** A stored group as GET and list answer it. */
export function groupView(
  group: StoredGroup,
  idField: KindWords['idField'],
  withModel: boolean,
): EmulatorGroupView {
  const view: EmulatorGroupView = { [idField]: group.id, name: group.name, userData: group.userData ?? null };
  if (withModel) view.recognitionModel = group.recognitionModel;
  return view;
}
