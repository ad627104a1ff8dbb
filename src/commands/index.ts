/** Every chat command once, platform-free: the table, and the shapes platforms hand in and deliver. */
export { ACTIONS, COMMANDS, type CommandTable, createCommandTable } from './table';
export type * from './types';
