/**
 * csv-parse's stream parser, handing each record straight to a callback with the physical
 * line it ends on.
 *
 * csv-parse's `info: true` (and `on_record`'s context) builds a fresh info object of a dozen
 * fields per record, a sixth of the reader's time on a file of short rows (BENCHMARKS.md). The
 * line is already the parser's own `info.lines` (the dataset information its docs describe:
 * https://csv.js.org/parse/info), and csv-parse calls `push` right after counting the record's
 * lines, so the record is taken there, synchronously: nothing is buffered in between, and a
 * skipped record's `on_skip` reaches the caller in file order with the records around it.
 */
import { Parser } from 'csv-parse';
import type { Options } from 'csv-parse';

export type RecordHandler = (record: string[], endLine: number) => void;

export class LinedParser extends Parser {
  private readonly onRecord: RecordHandler;
  private failed = false;

  constructor(options: Options, onRecord: RecordHandler) {
    super(options);
    this.onRecord = onRecord;
  }

  /** csv-parse's way out for each record (and `null` at the end, which ends the readable side). */
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) return super.push(null, encoding);
    // After a failure csv-parse still finishes the chunk it is in: those records are dropped.
    if (this.failed) return false;
    try {
      this.onRecord(chunk as string[], this.info.lines);
    } catch (e) {
      // Thrown here it would escape csv-parse's loop as an uncaught exception: the pipeline rejects with it instead.
      this.failed = true;
      this.destroy(e instanceof Error ? e : new Error(String(e)));
      return false;
    }
    return true;
  }
}
