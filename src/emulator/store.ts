/** The emulator's memory: one namespace of person groups per subscription key (as Azure keeps them per resource). */
import { createHash } from 'node:crypto';
import type { EmulatorGroupView as PersonGroup, RecognitionModel } from './rules';

export type TrainingStatus = 'notstarted' | 'running' | 'succeeded' | 'failed';

export interface Training {
  status: TrainingStatus;
  createdDateTime: string;
  lastActionDateTime: string;
  lastSuccessfulTrainingDateTime?: string;
}

export interface StoredGroup {
  personGroupId: string;
  name: string;
  userData?: string;
  recognitionModel: RecognitionModel;
  training?: Training;
}

/** A short, stable, non-reversible id for a key: what the request record and namespaces use instead of the key. */
export function keyId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Person groups by key id, then by personGroupId. */
export class EmulatorStore {
  private readonly namespaces = new Map<string, Map<string, StoredGroup>>();

  /** The groups of one key id (created on first use). */
  namespace(id: string): Map<string, StoredGroup> {
    let groups = this.namespaces.get(id);
    if (groups === undefined) {
      groups = new Map();
      this.namespaces.set(id, groups);
    }
    return groups;
  }

  /** The groups of one key id, sorted by personGroupId as the service lists them. */
  sorted(id: string): StoredGroup[] {
    return [...this.namespace(id).values()].sort((a, b) => (a.personGroupId < b.personGroupId ? -1 : 1));
  }

  clear(): void {
    this.namespaces.clear();
  }
}

/** A stored group as GET and list answer it. */
export function groupView(group: StoredGroup, withModel: boolean): PersonGroup {
  const view: PersonGroup = {
    personGroupId: group.personGroupId,
    name: group.name,
    userData: group.userData ?? null,
  };
  if (withModel) view.recognitionModel = group.recognitionModel;
  return view;
}
