import { inflateSync } from 'node:zlib';

/**
 * The text drawn on a PDF's pages, for assertions: inflates each Flate content stream and decodes
 * the hex and literal strings shown with Tj/TJ. Enough for documents made by pdf-lib.
 */
export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf);
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const start = raw.indexOf('stream', from);
    if (start < 0) break;
    const dataStart = raw[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = raw.indexOf('endstream', dataStart);
    if (end < 0) break;
    from = end + 9;
    let content: string;
    try {
      content = inflateSync(raw.subarray(dataStart, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const m of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      out.push(m[1] ? Buffer.from(m[1], 'hex').toString('latin1') : (m[2] ?? '').replace(/\\(.)/g, '$1'));
    }
  }
  return out.join('\n');
}
