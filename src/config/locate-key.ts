/**
 * Finds where a config key is written, for `file:line:column` in messages. A best effort over
 * the text (YAML block and flow style, JSON): cosmiconfig hands us parsed values without
 * positions. Returns the deepest part of the path it could find; undefined when none.
 */
export interface TextPosition {
  line: number;
  column: number;
}

const KEY_LINE = /^(\s*)((?:-\s+)*)(["']?)([^"'#:\s][^"'#:]*?)\3\s*:(?:\s|$)/;
const DASH_LINE = /^(\s*)-(?:\s|$)/;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isContent(line: string): boolean {
  const t = line.trim();
  return t !== '' && !t.startsWith('#');
}

/** Continues the search inside a flow mapping written on one line (`where: { price: { max: 30 } }`). */
function inline(line: string, start: number, rest: readonly PropertyKey[], at: TextPosition): TextPosition {
  let pos = start;
  let found = at;
  for (const seg of rest) {
    if (typeof seg !== 'string') break;
    const m = new RegExp(`["']?${escapeRegExp(seg)}["']?\\s*:`).exec(line.slice(pos));
    if (!m) break;
    pos += m.index;
    found = { line: at.line, column: pos + 1 };
    pos += m[0].length;
  }
  return found;
}

function locateYaml(text: string, path: readonly PropertyKey[]): TextPosition | undefined {
  const lines = text.split(/\r?\n/);
  let from = 0;
  let parent = -1;
  let best: TextPosition | undefined;
  for (let s = 0; s < path.length; s++) {
    const seg = path[s]!;
    let hit: { i: number; col: number; end: number } | undefined;
    let childCol: number | undefined;
    let items = -1;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!;
      if (!isContent(line)) continue;
      const raw = line.length - line.trimStart().length;
      if (i > from && raw <= parent && !(typeof seg === 'number' && raw === parent && DASH_LINE.test(line))) break;
      if (typeof seg === 'number') {
        const d = DASH_LINE.exec(line);
        if (!d || raw < parent || (childCol !== undefined && raw !== childCol)) continue;
        childCol = raw;
        if (++items === seg) {
          hit = { i, col: raw, end: raw + 1 };
          break;
        }
        continue;
      }
      const m = KEY_LINE.exec(line);
      if (!m) continue;
      const col = m[1]!.length + m[2]!.length;
      if (col <= parent) continue;
      childCol ??= col;
      if (col === childCol && m[4] === seg) {
        hit = { i, col, end: m[0].length };
        break;
      }
    }
    if (!hit) return best;
    best = { line: hit.i + 1, column: hit.col + 1 };
    const after = lines[hit.i]!.slice(hit.end).trimStart();
    if (typeof seg === 'string' && after.startsWith('{')) return inline(lines[hit.i]!, hit.end, path.slice(s + 1), best);
    parent = hit.col;
    from = typeof seg === 'number' ? hit.i : hit.i + 1;
  }
  return best;
}

function locateJson(text: string, path: readonly PropertyKey[]): TextPosition | undefined {
  let pos = 0;
  let best: TextPosition | undefined;
  for (const seg of path) {
    if (typeof seg !== 'string') continue;
    const idx = text.indexOf(JSON.stringify(seg), pos);
    if (idx < 0) break;
    const before = text.slice(0, idx);
    const line = before.split('\n').length;
    best = { line, column: idx - before.lastIndexOf('\n') };
    pos = idx + 1;
  }
  return best;
}

export function locateKey(text: string, path: readonly PropertyKey[], kind: 'yaml' | 'json'): TextPosition | undefined {
  return kind === 'json' ? locateJson(text, path) : locateYaml(text, path);
}
