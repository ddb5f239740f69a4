/**
 * The optional fields of a stock row that never make a row bad on their own: image URLs and
 * the VAT rate. Their problems are warnings. Pure.
 */
import type { DecimalMark } from './parse-number.js';
import { parseVatRate } from './parse-number.js';

/** Values and the texts that were not usable. */
export interface ParsedImages {
  urls: string[];
  /** Paths on the shop's server ("/m/a/maglia.jpg"), when no base URL says where they are. */
  paths: string[];
  rejected: string[];
}

/** A file path rather than a URL: Magento's media paths, a till's file names. */
const IMAGE_PATH = /^\/?[^\s:]+\.(jpe?g|png|gif|webp)$/i;

/**
 * Splits an image cell on `|`, `,`, `;` or a newline (WooCommerce writes `url, url`, many
 * tills `url|url`) and keeps the http(s) URLs, once each. An image path becomes a URL under
 * `base` (stock.imageBaseUrl); without one it is a `path`; anything else is `rejected`.
 */
export function parseImages(text: string, base?: string): ParsedImages {
  const urls: string[] = [];
  const paths: string[] = [];
  const rejected: string[] = [];
  const keep = (url: string) => {
    if (!urls.includes(url)) urls.push(url);
  };
  for (const raw of text.split(/[|,;\n]/)) {
    const part = raw.trim();
    if (part === '') continue;
    if (isHttpUrl(part)) keep(part);
    else if (IMAGE_PATH.test(part)) {
      if (base === undefined) paths.push(part);
      else keep(`${base.replace(/\/+$/, '')}/${part.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`);
    } else rejected.push(part);
  }
  return { urls, paths, rejected };
}

/**
 * An http(s) URL whose host is plain labels (letters and digits, single dots and hyphens, the
 * last starting with a letter) and whose rest is printable ASCII: the WHATWG parser always takes
 * it (a path's odd characters are escaped, not refused), so `new URL`, more than half the time
 * of an image cell, is spared. Others (IP hosts, punycode, ports past 9999…) are parsed.
 */
const PLAIN_HTTP_URL = /^https?:\/\/[a-z0-9]+(?:[.-][a-z0-9]+)*\.[a-z][a-z0-9]*(?::\d{1,4})?(?:[/?#][!-~]*)?$/i;

function isHttpUrl(text: string): boolean {
  if (PLAIN_HTTP_URL.test(text)) return true;
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * A VAT cell as a fraction, or undefined when it is not a usable rate. A tax's name holding
 * one percentage ("IVA 22%" in a till, "22% G" in Odoo) is that rate.
 */
export function vatFromCell(text: string, decimal: DecimalMark): number | undefined {
  const parsed = parseVatRate(text, decimal);
  if (parsed.ok) return parsed.value;
  const percents = [...text.matchAll(/(\d+(?:[.,]\d+)?)\s*%/g)];
  const only = percents.length === 1 ? percents[0]?.[1] : undefined;
  if (only === undefined) return undefined;
  const named = parseVatRate(`${only}%`, only.includes(',') ? ',' : '.');
  return named.ok ? named.value : undefined;
}
