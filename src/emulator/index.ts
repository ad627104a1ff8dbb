/** The Face API emulator: a dev and test tool. Tests, the CLI and local mode import it from here only. */
export { F0_CALLS_PER_MINUTE } from './access';
export type { EmulatorFault } from './faults';
export type {
  EmulatorKey,
  EmulatorRequest,
  EmulatorTier,
  FaceEmulator,
  FaceEmulatorOptions,
} from './options';
export { startFaceEmulator } from './server';
export type { GroupKind } from './store';
