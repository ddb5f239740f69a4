import { runMain } from './run-main.js';

// The entry point, and the only place that sets the exit code; the process then ends on its own.
process.exitCode = await runMain(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
