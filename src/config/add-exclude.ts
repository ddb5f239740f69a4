/**
 * Adds a SKU to `hooks.exclude` in the text of a YAML config, touching nothing else: comments,
 * order and spacing stay as the owner wrote them (a YAML library would rewrite the file). Handles
 * the shapes a config has: `exclude: []` or `exclude: [A, B]` (flow), a block list under
 * `exclude:`, or no `exclude` key under `hooks:`. Pure; undefined when the text has none of
 * these shapes (the caller then says how to do it by hand).
 */
export function addExcludeToYaml(text: string, sku: string): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const hooksAt = lines.findIndex((l) => /^hooks:\s*(#.*)?$/.test(l));
  if (hooksAt < 0) return undefined;
  let end = hooksAt + 1;
  while (end < lines.length && (/^\s/.test(lines[end]!) || lines[end]!.trim() === '' || lines[end]!.trimStart().startsWith('#'))) end++;
  const indent = lines.slice(hooksAt + 1, end).find((l) => /^\s+\S/.test(l) && !l.trimStart().startsWith('#'))?.match(/^\s+/)?.[0] ?? '  ';
  const keyAt = lines.findIndex((l, i) => i > hooksAt && i < end && l.startsWith(`${indent}exclude:`));
  const quoted = /^[A-Za-z0-9._-]+$/.test(sku) ? sku : JSON.stringify(sku);
  if (keyAt < 0) {
    lines.splice(hooksAt + 1, 0, `${indent}exclude: [${quoted}]`);
    return lines.join(eol);
  }
  const line = lines[keyAt]!;
  const flow = line.match(/^(\s*exclude:\s*\[)([^\]]*)(\].*)$/);
  if (flow) {
    const items = flow[2]!.trim();
    lines[keyAt] = `${flow[1]}${items ? `${items}, ` : ''}${quoted}${flow[3]}`;
    return lines.join(eol);
  }
  if (!/^\s*exclude:\s*(#.*)?$/.test(line)) return undefined;
  let last = keyAt;
  let itemIndent = `${indent}  `;
  for (let i = keyAt + 1; i < end; i++) {
    const m = lines[i]!.match(/^(\s*)- /);
    if (m && m[1]!.length >= indent.length) {
      last = i;
      itemIndent = m[1]!;
    } else if (lines[i]!.trim() !== '' && !lines[i]!.trimStart().startsWith('#')) break;
  }
  lines.splice(last + 1, 0, `${itemIndent}- ${quoted}`);
  return lines.join(eol);
}
