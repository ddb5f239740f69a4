/**
 * Regenerates what is derived from the config schema (src/config/schema.ts):
 *   - config/civetta.schema.json, the JSON schema editors use;
 *   - the config reference table in README.md, between the config-reference markers.
 * Run with `npx tsx scripts/gen-config-docs.ts`; test/config/docs.test.ts fails when either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchema, configReferenceMarkdown } from '../src/config/config-reference.js';
import { replaceReferenceBlock } from '../src/config/readme-block.js';

const root = fileURLToPath(new URL('..', import.meta.url));
writeFileSync(`${root}config/civetta.schema.json`, configJsonSchema());
const readme = `${root}README.md`;
writeFileSync(readme, replaceReferenceBlock(readFileSync(readme, 'utf8'), configReferenceMarkdown()));
console.log('wrote config/civetta.schema.json and the README config reference');
