/**
 * The errors that carry an exit meaning. Anything may throw them; only `cli/main.ts`
 * turns them into the contract's exit code (see the "Exit codes" table of the contract).
 */
export const ExitCode = {
  ok: 0,
  itemsFailed: 1,
  invalidInput: 2,
  locked: 3,
  guardStopped: 4,
  authFailed: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class: an expected failure with a message meant for the shop owner. */
export abstract class CivettaError extends Error {
  abstract readonly exitCode: ExitCode;
  /** Extra lines shown under the message (problems, hints). */
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** Bad usage, config or input: nothing was sent to any marketplace (exit 2). */
export class InputError extends CivettaError {
  readonly exitCode = ExitCode.invalidInput;
}

/** Another civetta run holds the ledger lock (exit 3). */
export class LedgerLockedError extends CivettaError {
  readonly exitCode = ExitCode.locked;
}

/** A safety guard stopped the run before any remote write (exit 4). */
export class SafetyGuardError extends CivettaError {
  readonly exitCode = ExitCode.guardStopped;
  /** The names of the guards that tripped, as accepted by `--force-guard`. */
  readonly guards: readonly string[];
  constructor(message: string, guards: readonly string[], details: readonly string[] = []) {
    super(message, details);
    this.guards = guards;
  }
}

/** A marketplace refused our credentials: nothing further is sent to it (exit 5). */
export class ChannelAuthError extends CivettaError {
  readonly exitCode = ExitCode.authFailed;
  readonly channel: string;
  constructor(channel: string, message: string, details: readonly string[] = []) {
    super(message, details);
    this.channel = channel;
  }
}

/**
 * A marketplace asked civetta to wait longer than a run may hold the ledger lock (a Retry-After
 * or a stated rate beyond what a run accepts, http/backoff.ts maxWaitFor): nothing more is sent to that channel in this
 * run, which ends in exit 1 and releases the lock; the next run tries again.
 */
export class MarketplaceBusyError extends CivettaError {
  readonly exitCode = ExitCode.itemsFailed;
  readonly channel: string;
  constructor(channel: string, message: string, details: readonly string[] = []) {
    super(message, details);
    this.channel = channel;
  }
}

/** The exit code an error means: its own for civetta's errors, 1 for anything unexpected. */
export function errorExitCode(error: unknown): ExitCode {
  return error instanceof CivettaError ? error.exitCode : ExitCode.itemsFailed;
}
