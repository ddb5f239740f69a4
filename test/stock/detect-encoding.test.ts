import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decideFromWindow, detectEncoding, isValidUtf8 } from '../../src/stock/detect-encoding.js';

const text = 'Codice;Descrizione;Prezzo\nA1;Città di carta — edizione €;12,50\n';

describe('detectEncoding', () => {
  it('reads byte-order marks', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ encoding: 'utf-8', bom: true, decided: true });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]))).toEqual({ encoding: 'utf-16le', bom: true, decided: true });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]))).toEqual({ encoding: 'utf-16be', bom: true, decided: true });
  });
  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    expect(detectEncoding(iconv.encode(text, 'utf-16le'))).toEqual({ encoding: 'utf-16le', bom: false, decided: true });
    expect(detectEncoding(iconv.encode(text, 'utf-16be'))).toEqual({ encoding: 'utf-16be', bom: false, decided: true });
  });
  it('tells UTF-8 from Windows-1252', () => {
    expect(detectEncoding(Buffer.from(text, 'utf8'))).toEqual({ encoding: 'utf-8', bom: false, decided: true });
    expect(detectEncoding(iconv.encode(text, 'win1252'))).toEqual({ encoding: 'windows-1252', bom: false, decided: true });
    expect(detectEncoding(iconv.encode('Perché sì', 'latin1'))).toEqual({ encoding: 'windows-1252', bom: false, decided: true });
  });
  it('tolerates a UTF-8 sequence cut at the end of the sample', () => {
    const bytes = Buffer.from('prezzo più', 'utf8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toEqual({ encoding: 'utf-8', bom: false, decided: true });
  });
  it('leaves plain ASCII undecided, for a later window to decide', () => {
    expect(detectEncoding(Buffer.from('a;b\n1;2\n'))).toEqual({ encoding: 'utf-8', bom: false, decided: false });
    expect(decideFromWindow(iconv.encode('è bello', 'win1252'))).toBe('windows-1252');
    expect(decideFromWindow(Buffer.from('è bello'))).toBe('utf-8');
  });
  it('checks UTF-8 strictly', () => {
    expect(isValidUtf8(Buffer.from([0xe0, 0x41]))).toBe(false);
    expect(isValidUtf8(Buffer.from([0xc3, 0xa0]))).toBe(true);
  });
});
