/**
 * Preloaded into a CLI run by the bench (`node --import`): on exit, the process's peak RSS on
 * stderr, so a real `civetta` command is measured without a wrapper process of its own.
 */
process.on('exit', () => {
  process.stderr.write(`\ncivetta-bench peakRssMb ${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
});
