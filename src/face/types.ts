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

/** The ids of the create form's inputs; also the Slack block ids and the keys of field errors. */
export type PersonGroupFieldId = 'personGroupId' | 'name' | 'userData' | 'recognitionModel';

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
