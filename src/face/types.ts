/** Shapes of the Face API v1.0 PersonGroup resource, shared by the rules, the client and the emulator. */

export const RECOGNITION_MODELS = [
  'recognition_01',
  'recognition_02',
  'recognition_03',
  'recognition_04',
] as const;
export type RecognitionModel = (typeof RECOGNITION_MODELS)[number];

/** The model the form pre-selects: the documentation recommends it (better with masks). */
export const RECOMMENDED_RECOGNITION_MODEL: RecognitionModel = 'recognition_04';

/**
 * The ids of the create form's inputs; also the Slack block ids and the keys of field errors. `kind`
 * (person group or large person group) picks the collection, it is not sent in the body.
 */
export type PersonGroupFieldId = 'personGroupId' | 'name' | 'userData' | 'recognitionModel' | 'kind';

/** A validated create request. recognitionModel is always explicit: the service default is recognition_01. */
export interface PersonGroupFields {
  personGroupId: string;
  name: string;
  userData?: string;
  recognitionModel: RecognitionModel;
}

/** A person group as GET/list return it. */
export interface PersonGroup {
  personGroupId: string;
  name: string;
  userData?: string | null;
  recognitionModel?: RecognitionModel;
}

/** Where and with what key the client talks to the Face API. baseUrl ends in `/face/v1.0` (no slash). */
export interface FaceTarget {
  baseUrl: string;
  key: string;
}

/** One rule broken by one field, stated so that a user can fix it. */
export interface FieldError<F extends string = PersonGroupFieldId> {
  field: F;
  message: string;
  /** A corrected value the user may choose (e.g. the id in lower case); never applied silently. */
  suggestion?: string;
}

/** The two kinds of group the Face API keeps: person groups and large person groups. */
export type GroupKind = 'personGroup' | 'largePersonGroup';
export const GROUP_KINDS: readonly GroupKind[] = ['personGroup', 'largePersonGroup'];

/** A group of either kind as GET/list return it, with the kind's own id field (`personGroupId` or
 * `largePersonGroupId`) read into `groupId`. */
export interface FaceGroup {
  kind: GroupKind;
  groupId: string;
  name: string;
  userData?: string | null;
  recognitionModel?: RecognitionModel;
}

/** What an update (PATCH) changes; at least one. An empty userData clears it. */
export interface GroupChanges {
  name?: string;
  userData?: string;
}

/** The service's training states, as GET …/training answers. */
export const TRAINING_STATES = ['notstarted', 'running', 'succeeded', 'failed'] as const;
export type TrainingState = (typeof TRAINING_STATES)[number];

/** GET …/training. `message` is the service's own text on failure: show it as the service's words. */
export interface TrainingStatus {
  status: TrainingState;
  createdDateTime?: string;
  lastActionDateTime?: string | null;
  lastSuccessfulTrainingDateTime?: string | null;
  message?: string | null;
}
