/** The Face API emulator: a dev and test tool. Tests, the CLI and local mode import it from here only. */
export type { EmulatorFault } from './faults';
export {
  type EmulatorRequest,
  type FaceEmulator,
  type FaceEmulatorOptions,
  startFaceEmulator,
} from './server';
