import { describe, expect, it } from 'vitest';
import { parseImages } from '../../src/stock/parse-fields.js';

/** What the WHATWG parser says of a URL: kept when it parses with a host. */
function whatwgKeeps(text: string): boolean {
  try {
    return /^https?:\/\//i.test(text) && new URL(text).hostname !== '';
  } catch {
    return false;
  }
}

describe('parseImages', () => {
  it('keeps exactly the URLs the WHATWG parser takes, also those its quick look does not vouch for', () => {
    const urls = [
      'https://negozio.example/img/1.jpg',
      'HTTP://Shop-Rossi.example:8080/a/b.png?w=500#x',
      'https://cdn.shop.example/a b/%zz/\\x.jpg',
      'https://999.1.1.1/x.jpg',
      'https://1.2.3.4/x.jpg',
      'https://xn--a.example/x.jpg',
      'https://xn--caf-dma.example/x.jpg',
      'https://shop.example:99999/x.jpg',
      'https://-shop.example/x.jpg',
      'https://shop..example/x.jpg',
      'https://shop.example./x.jpg',
      'https://localhost/x.jpg',
      'https://user@shop.example/x.jpg',
      'https:///x.jpg',
      'https://[::1]/x.jpg',
      'https://shop.example/\u00e8.jpg',
    ];
    for (const url of urls) expect(parseImages(url).urls.length === 1, url).toBe(whatwgKeeps(url));
  });
});
