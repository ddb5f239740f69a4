import { runMain } from './run-main.js';

// A reader that closes early (`civetta validate | head`) must not crash the run with an EPIPE
// stack trace, nor cut a sync short between two remote writes: the rest of the output is
// dropped and the run finishes and records as usual.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

// The entry point, and the only place that sets the exit code; the process then ends on its own.
process.exitCode = await runMain(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
