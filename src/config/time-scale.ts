import { InputError } from '../errors.js';

/** `CIVETTA_SIM_TIME_SCALE`: how many times faster the simulator runs (1 when unset). */
export function parseTimeScale(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new InputError(`CIVETTA_SIM_TIME_SCALE must be a positive number (got "${raw}").`);
  return n;
}
