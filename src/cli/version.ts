import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * civetta's own install folder (where package.json, config/ and fixtures/ are). Found by
 * walking up from this module, which runs both from src/cli (tsx, tests) and from
 * dist/src/cli (the built bin), at different depths.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown };
      if (pkg.name === 'civetta') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('civetta package.json not found above the running module');
    dir = parent;
  }
}

/** The version from civetta's own package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
