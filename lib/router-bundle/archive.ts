import { gzipSync } from 'node:zlib';

/**
 * A deterministic `.tar.gz` writer: POSIX ustar headers with mtime 0, uid/gid 0 and owner
 * root:root, entries sorted by path with every parent directory present, and a gzip header
 * without a timestamp or file name. The same files always give the same bytes (for a given
 * zlib build), so a download can be compared with a re-render.
 */

export type ArchiveFile = { path: string; mode: number; content: string | Uint8Array };

const BLOCK = 512;
/** GNU and BSD tar write 20-block records; readers accept shorter, but matching is cheap. */
const RECORD = 20 * BLOCK;
const DIR_MODE = 0o755;

type Entry = { name: string; mode: number; type: 'file' | 'dir'; data: Uint8Array };

const encoder = new TextEncoder();

export function createTarGz(files: readonly ArchiveFile[]): Buffer {
  return gzipSync(createTar(files), { level: 9 });
}

export function createTar(files: readonly ArchiveFile[]): Buffer {
  const entries = collectEntries(files);
  const chunks: Uint8Array[] = [];
  for (const entry of entries) {
    chunks.push(header(entry));
    if (entry.data.length > 0) {
      chunks.push(entry.data);
      const pad = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
      if (pad > 0) chunks.push(new Uint8Array(pad));
    }
  }
  chunks.push(new Uint8Array(2 * BLOCK));
  const length = chunks.reduce((sum, c) => sum + c.length, 0);
  chunks.push(new Uint8Array((RECORD - (length % RECORD)) % RECORD));
  return Buffer.concat(chunks);
}

function collectEntries(files: readonly ArchiveFile[]): Entry[] {
  const byName = new Map<string, Entry>();
  for (const file of files) {
    const path = normalisePath(file.path);
    if (byName.has(path)) throw new Error(`duplicate archive path: ${path}`);
    if (!Number.isInteger(file.mode) || file.mode < 0 || file.mode > 0o7777) throw new Error(`bad mode for ${path}`);
    const data = typeof file.content === 'string' ? encoder.encode(file.content) : file.content;
    byName.set(path, { name: path, mode: file.mode, type: 'file', data });
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = `${parts.slice(0, i).join('/')}/`;
      if (!byName.has(dir)) byName.set(dir, { name: dir, mode: DIR_MODE, type: 'dir', data: new Uint8Array(0) });
    }
  }
  for (const name of byName.keys()) {
    if (!name.endsWith('/') && byName.has(`${name}/`)) throw new Error(`${name} is both a file and a directory`);
  }
  // Byte order puts every directory (a prefix ending in "/") before its contents.
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function normalisePath(path: string): string {
  const parts = path.split('/');
  if (path.length === 0 || path.startsWith('/') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new Error(`archive paths must be relative, without empty, "." or ".." parts: ${JSON.stringify(path)}`);
  }
  return path;
}

function header(entry: Entry): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const { name, prefix } = splitName(entry.name);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, entry.mode);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, entry.data.length);
  writeOctal(block, 136, 12, 0);
  block.fill(0x20, 148, 156);
  block[156] = entry.type === 'dir' ? 0x35 : 0x30;
  writeString(block, 257, 6, 'ustar\0');
  writeString(block, 263, 2, '00');
  writeString(block, 265, 32, 'root');
  writeString(block, 297, 32, 'root');
  writeOctal(block, 329, 8, 0);
  writeOctal(block, 337, 8, 0);
  writeString(block, 345, 155, prefix);
  const sum = block.reduce((total, byte) => total + byte, 0);
  // Six octal digits, NUL, space: the layout every tar writes and expects.
  writeString(block, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/** ustar keeps names over 100 bytes by moving leading directories into the 155-byte prefix. */
function splitName(path: string): { name: string; prefix: string } {
  if (encoder.encode(path).length <= 100) return { name: path, prefix: '' };
  const trailing = path.endsWith('/') ? 1 : 0;
  for (let i = path.length - 1 - trailing; i > 0; i--) {
    if (path[i] !== '/') continue;
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100 && name.length > 0) {
      return { name, prefix };
    }
  }
  throw new Error(`path too long for a ustar archive: ${path}`);
}

function writeString(block: Uint8Array, offset: number, size: number, value: string): void {
  const bytes = encoder.encode(value);
  if (bytes.length > size) throw new Error(`tar header field overflow: ${value}`);
  block.set(bytes, offset);
}

/** Zero-padded octal with a terminating NUL, as POSIX specifies for numeric fields. */
function writeOctal(block: Uint8Array, offset: number, size: number, value: number): void {
  const digits = value.toString(8);
  if (digits.length > size - 1) throw new Error(`tar header number too large: ${value}`);
  writeString(block, offset, size, `${digits.padStart(size - 1, '0')}\0`);
}
