/**
 * Where the core reports what it does. The CLI implements it on stderr (respecting --quiet and
 * --verbose); tests pass one that collects lines. Messages must already be free of secrets;
 * implementations still pass them through `redact` as a second line of defence.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** A logger that keeps every line, for tests and for building reports. */
export function collectingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug ${m}`),
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
  };
}
