import type { SafetyParty } from '../../src/domain/gpsr.js';

/** A complete GPSR party (Italian unless `over` says otherwise). */
export function party(name: string, over: Partial<SafetyParty> = {}): SafetyParty {
  return { name, street: 'Via Roma 1', city: 'Milano', postalCode: '20121', country: 'IT', email: `sicurezza@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`, ...over };
}
