import { describe, expect, it } from 'vitest';
import { createOutput, spinnerAllowed } from '../../src/cli/output.js';

function sinks(tty = false, columns = 80) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t), isTTY: tty, columns } };
}

describe('spinnerAllowed', () => {
  it.each([
    [true, 80, {}, true],
    [false, 80, {}, false],
    [true, 80, { CI: '' }, false],
    [true, 80, { TERM: 'dumb' }, false],
    [true, 0, {}, false],
  ])('tty=%s columns=%i env=%j → %s', (tty, columns, env, want) => {
    expect(spinnerAllowed({ write: () => true, isTTY: tty, columns }, env)).toBe(want);
  });
});

describe('createOutput', () => {
  const make = (o: { json?: boolean; quiet?: boolean; verbose?: boolean }, s = sinks()) => ({
    s,
    out: createOutput({ json: false, quiet: false, verbose: false, ...o, stdout: s.stdout, stderr: s.stderr, env: { CI: '1' }, redact: (t) => t.replace('hunter2', '«redacted»') }),
  });

  it('prints human text on stdout, logs on stderr, redacted', () => {
    const { s, out } = make({});
    out.print('table');
    out.log.info('reading hunter2');
    out.log.debug('hidden');
    out.log.warn('careful');
    expect(s.out).toEqual(['table\n']);
    expect(s.err).toEqual(['reading «redacted»\n', 'warning: careful\n']);
  });

  it('--quiet keeps warnings only; --verbose adds debug', () => {
    const q = make({ quiet: true });
    q.out.log.info('x');
    q.out.log.warn('w');
    expect(q.s.err).toEqual(['warning: w\n']);
    const v = make({ verbose: true });
    v.out.log.debug('d');
    expect(v.s.err).toEqual(['debug: d\n']);
  });

  it('summary: the one line per run reaches stderr even under --quiet, redacted', () => {
    const q = make({ quiet: true });
    q.out.log.info('chatter');
    q.out.summary?.('civetta sync run 3: hunter2; exit 0');
    expect(q.s.err).toEqual(['civetta sync run 3: «redacted»; exit 0\n']);
    expect(q.s.out).toEqual([]);
  });

  it('--json drops human text; emitJson writes one line at once', () => {
    const { s, out } = make({ json: true });
    out.print('table');
    expect(out.emitted).toBe(false);
    out.emitJson({ a: 1 });
    expect(s.out).toEqual(['{"a":1}\n']);
    expect(out.emitted).toBe(true);
  });

  it('without a TTY, progress becomes plain log lines', () => {
    const { s, out } = make({ verbose: true });
    const p = out.progress('reading');
    p.update('row 100');
    p.done('read 406 rows');
    out.progress('x').fail('stopped');
    expect(s.err).toEqual(['debug: row 100\n', 'read 406 rows\n', 'warning: stopped\n']);
  });
});
