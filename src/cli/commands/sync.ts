import type { ChannelId } from '../../domain/ids.js';
import { runSync } from '../../sync/run-sync.js';
import { syncDepsFrom } from '../../app/sync-deps-from.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { renderRunReport, summaryLine } from '../render/run-report.js';
import { syncProgressText } from '../render/sync-progress.js';

export interface SyncArgs {
  channel?: ChannelId;
  dryRun: boolean;
  /** Accepted for scripts; sync never asks for confirmation, and a guard still stops the run. */
  yes: boolean;
  forceGuard: string[];
  retryHeld: boolean;
}

/** The cron entry point: pull orders, plan, check guards, apply, record. */
export async function run(args: SyncArgs, ctx: RunContext): Promise<CommandResult> {
  const loaded = await ctx.loadConfig();
  const progress = ctx.out.progress('Starting sync…');
  try {
    const report = await runSync(
      loaded,
      { ...(args.channel ? { channel: args.channel } : {}), dryRun: args.dryRun, forceGuard: args.forceGuard, retryHeld: args.retryHeld },
      syncDepsFrom(ctx, (e) => progress.update(syncProgressText(e))),
    );
    progress.done();
    // Cron runs `sync --quiet`: quiet on success (the summary line says it all), while every
    // failure is still listed in the output (exit 1).
    const troubled = report.exitCode !== 0;
    if (!ctx.options.quiet || troubled) ctx.out.print(renderRunReport(report));
    const line = summaryLine(report);
    if (troubled) ctx.out.log.warn(line);
    else if (ctx.out.summary) ctx.out.summary(line);
    else ctx.out.log.info(line);
    return { exitCode: report.exitCode, json: report };
  } catch (error) {
    progress.fail();
    throw error;
  }
}
