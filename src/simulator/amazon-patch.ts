import type { ListingIssue, Patch } from './amazon-listing-rules.js';
import { invalid } from './amazon-listing-rules.js';

/** Keys that tell which element of an attribute array a merge/delete targets. */
const SELECTORS = ['marketplace_id', 'language_tag', 'audience', 'currency', 'fulfillment_channel_code'];

type Obj = Record<string, unknown>;

function sameTarget(a: Obj, b: Obj): boolean {
  return SELECTORS.every((k) => a[k] === undefined || b[k] === undefined || a[k] === b[k]);
}

function deepMerge(base: Obj, add: Obj): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(add)) {
    const cur = out[k];
    const bothObjects = cur && v && typeof cur === 'object' && typeof v === 'object' && !Array.isArray(cur) && !Array.isArray(v);
    out[k] = bothObjects ? deepMerge(cur as Obj, v as Obj) : v;
  }
  return out;
}

/**
 * Applies Listings JSON-Patch operations (add, replace, merge, delete) to a copy of the attributes.
 * Only top-level attributes can be targeted (`/attributes/<name>`), as the Listings API allows.
 */
export function applyPatches(attributes: Obj, patches: Patch[]): { attributes: Obj; issues: ListingIssue[]; touched: string[] } {
  const attrs: Obj = structuredClone(attributes);
  const issues: ListingIssue[] = [];
  const touched: string[] = [];
  for (const p of patches) {
    const m = /^\/attributes\/([A-Za-z0-9_]+)$/.exec(p.path);
    const name = m?.[1];
    if (!name) {
      issues.push({ ...invalid(p.path, 'Only /attributes/<attribute name> paths can be patched.'), attributeNames: [] });
      continue;
    }
    touched.push(name);
    if (p.op === 'delete') {
      const cur = attrs[name];
      if (!p.value || !Array.isArray(cur)) {
        delete attrs[name];
      } else {
        const kept = (cur as Obj[]).filter((e) => !p.value?.some((v) => sameTarget(e, v)));
        if (kept.length > 0) attrs[name] = kept;
        else delete attrs[name];
      }
      continue;
    }
    if (!p.value) {
      issues.push(invalid(name, `A value is required for '${p.op}'.`));
      continue;
    }
    if (p.op === 'add' || p.op === 'replace') {
      attrs[name] = structuredClone(p.value);
      continue;
    }
    const cur = Array.isArray(attrs[name]) ? [...(attrs[name] as Obj[])] : [];
    for (const v of p.value) {
      const i = cur.findIndex((e) => typeof e === 'object' && e !== null && sameTarget(e, v));
      if (i >= 0) cur[i] = deepMerge(cur[i] as Obj, v);
      else cur.push(structuredClone(v));
    }
    attrs[name] = cur;
  }
  return { attributes: attrs, issues, touched };
}
