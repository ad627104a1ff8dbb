/**
 * The service's own rules and shapes, restated for the emulator: it must not borrow them from src/face,
 * or a client whose rules drift from the service's would still pass against it.
 */

/** Where the Face API lives below an endpoint's root. */
export const FACE_API_PATH = '/face/v1.0';

/** personGroupId and largePersonGroupId: lower-case letters, digits, '-' and '_', 1 to 64 characters. */
export const GROUP_ID_PATTERN = /^[a-z0-9_-]{1,64}$/;

export const RECOGNITION_MODELS = [
  'recognition_01',
  'recognition_02',
  'recognition_03',
  'recognition_04',
] as const;
export type RecognitionModel = (typeof RECOGNITION_MODELS)[number];

/** The service's default when a create names no model. */
export const DEFAULT_RECOGNITION_MODEL: RecognitionModel = 'recognition_01';

export const MAX_NAME = 128;
export const MAX_USER_DATA = 16384;

/** A group as GET and list answer it. */
export interface EmulatorGroupView {
  personGroupId?: string;
  largePersonGroupId?: string;
  name: string;
  userData: string | null;
  recognitionModel?: RecognitionModel;
}
