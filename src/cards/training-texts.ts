/** What the training cards say (Face failure texts live in src/face/messages.ts). */
import type { GroupKind } from '../face/types';
import type { Failure } from '../provisioning/failure';

export const TRAINING_TEXTS = {
  groupId: 'Person group id',
  kind: 'Kind',
  trainedAt: 'Trained at',
  serviceSaid: 'The Face API said',
  tryAgainIn: 'Try again in',
  requestId: 'Request id',
  train: 'Train',
  trainAgain: 'Train again',
  checkAgain: 'Check again',
  kindName: (kind: GroupKind): string =>
    kind === 'largePersonGroup' ? 'Large person group' : 'Person group',
  pickKind: (train: boolean, kind: GroupKind): string =>
    `${train ? 'Train' : 'Status of'} the ${kind === 'largePersonGroup' ? 'large person group' : 'person group'}`,
  runningTitle: (id: string): string => `Training ${id}…`,
  running: (noun: string, id: string): string =>
    `The ${noun} ${id} is being trained. This card updates until the training ends.`,
  alreadyRunning: (noun: string, id: string): string =>
    `A training of the ${noun} ${id} was already running; this card follows it until it ends.`,
  waitEnded:
    'The training is still running, and this card has stopped updating by itself. Press Check again for the current status.',
  succeeded: (noun: string, id: string): { title: string; text: string } => ({
    title: 'Training succeeded',
    text: `The ${noun} ${id} is trained and ready for identification.`,
  }),
  neverTrained: (noun: string): { title: string; text: string; remedy: string } => ({
    title: `The ${noun} has never been trained`,
    text: `The Face API has no training of this ${noun} yet.`,
    remedy: 'Add persons with faces, then press Train.',
  }),
  ambiguous: (id: string): { title: string; text: string } => ({
    title: `Two groups have the id ${id}`,
    text: `Both a person group and a large person group are called ${id}. Which one do you mean?`,
  }),
  /** A `failed` status without a mapped failure (should not happen: the use case always maps one). */
  failedUnknown: {
    kind: 'unknown',
    title: 'The training failed',
    detail: 'The Face API reports that the training failed.',
    remedy: 'Add persons and faces first, then train the group again.',
  } satisfies Failure,
} as const;
