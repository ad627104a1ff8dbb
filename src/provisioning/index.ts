/** The provisioning use cases (no chat platform inside) and the shapes adapters need. */

export type * from './change-outcome';
export { configFormValues, keyHintOf, validateWorkspaceConfig } from './config-rules';
export type { ConfigureRequest } from './configure-workspace';
export type { CreateRequest } from './create-person-group';
export type { KeySealer, ProvisioningDeps, ProvisioningFaceClient } from './deps';
export * from './messages';
export type * from './outcome';
export { createProvisioning, type Provisioning, type WorkspaceDescription } from './service';
export type * from './training';
export { DEFAULT_TRAINING_POLL } from './training';
export { localEmulatorKey } from './workspace-target';
