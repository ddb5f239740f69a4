// Child process for lock.test.ts: takes the run lock, says so, and holds it until killed.
import { acquireLock } from '../../src/ledger/lock.js';

const file = process.argv[2];
if (!file) throw new Error('usage: hold-lock.ts LEDGER');
acquireLock(file, 'test-holder');
process.stdout.write('held\n');
setInterval(() => undefined, 60_000);
