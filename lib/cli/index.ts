/** The simulated AWS CLI: plain TypeScript over lib/sim. See docs/cli.md. */
export { runLine, COMMANDS, SERVICES, findCommand, helpText } from './run';
export type { CommandResult } from './run';
export { Session, initialState, cliStateSchema, CLI_STATE_VERSION, emptyScenario } from './session';
export type { CliState } from './session';
export { tokenize } from './tokenize';
export { EXIT_OK, EXIT_SERVICE, EXIT_USAGE } from './errors';
