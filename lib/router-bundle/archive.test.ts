import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderRouterBundle } from '@/lib/domain/router-bundle/render';
import { validInput } from '@/lib/domain/router-bundle/test-fixtures';
import { createTar, createTarGz, type ArchiveFile } from './archive';

const files: ArchiveFile[] = [
  { path: 'top/etc/frr/frr.conf', mode: 0o640, content: 'router bgp 65000\n' },
  { path: 'top/install.sh', mode: 0o755, content: '#!/bin/sh\n' },
  { path: 'top/README.md', mode: 0o644, content: 'x'.repeat(1000) },
  { path: 'top/empty', mode: 0o600, content: '' },
];

type Header = { name: string; mode: number; uid: number; gid: number; size: number; mtime: number; type: string; magic: string; uname: string; gname: string; checksumOk: boolean };

const text = (b: Buffer, start: number, len: number) => b.subarray(start, start + len).toString('utf8').replace(/\0.*$/s, '');
const octal = (b: Buffer, start: number, len: number) => parseInt(text(b, start, len).trim() || '0', 8);

function headers(tar: Buffer): Header[] {
  const out: Header[] = [];
  for (let off = 0; off + 512 <= tar.length; ) {
    const block = tar.subarray(off, off + 512);
    if (block.every((byte) => byte === 0)) break;
    const stored = octal(block, 148, 8);
    const sum = [...block].reduce((s, byte, i) => s + (i >= 148 && i < 156 ? 0x20 : byte), 0);
    const prefix = text(block, 345, 155);
    const h: Header = {
      name: prefix ? `${prefix}/${text(block, 0, 100)}` : text(block, 0, 100),
      mode: octal(block, 100, 8),
      uid: octal(block, 108, 8),
      gid: octal(block, 116, 8),
      size: octal(block, 124, 12),
      mtime: octal(block, 136, 12),
      type: String.fromCharCode(block[156] ?? 0),
      magic: block.subarray(257, 265).toString('latin1'),
      uname: text(block, 265, 32),
      gname: text(block, 297, 32),
      checksumOk: stored === sum,
    };
    out.push(h);
    off += 512 + Math.ceil(h.size / 512) * 512;
  }
  return out;
}

describe('createTar', () => {
  const tar = createTar(files);
  const hs = headers(tar);

  it('writes sorted ustar entries with every parent directory', () => {
    expect(hs.map((h) => `${h.type} ${h.name} ${h.mode.toString(8)} ${h.size}`)).toEqual([
      '5 top/ 755 0',
      '0 top/README.md 644 1000',
      '0 top/empty 600 0',
      '5 top/etc/ 755 0',
      '5 top/etc/frr/ 755 0',
      '0 top/etc/frr/frr.conf 640 17',
      '0 top/install.sh 755 10',
    ]);
  });

  it('fixes owner and time, and checksums every header', () => {
    for (const h of hs) {
      expect(h).toMatchObject({ uid: 0, gid: 0, mtime: 0, uname: 'root', gname: 'root', magic: 'ustar\u000000', checksumOk: true });
    }
  });

  it('pads to whole 20-block records ending in zero blocks', () => {
    expect(tar.length % 10240).toBe(0);
    expect(tar.subarray(tar.length - 1024).every((b) => b === 0)).toBe(true);
  });

  it('moves long directory names into the ustar prefix, and refuses what cannot fit', () => {
    const long = `${'a'.repeat(90)}/${'b'.repeat(90)}/file.txt`;
    expect(headers(createTar([{ path: long, mode: 0o644, content: 'x' }])).map((h) => h.name)).toContain(long);
    expect(() => createTar([{ path: `${'a'.repeat(101)}/f`, mode: 0o644, content: '' }])).toThrow('too long');
  });

  it.each(['/etc/passwd', '../x', 'a/../b', 'a//b', './a', ''])('refuses the unsafe path %j', (path) => {
    expect(() => createTar([{ path, mode: 0o644, content: '' }])).toThrow('archive paths must be relative');
  });

  it('refuses duplicates, file/directory clashes and bad modes', () => {
    expect(() => createTar([files[0] as ArchiveFile, files[0] as ArchiveFile])).toThrow('duplicate');
    expect(() => createTar([{ path: 'a', mode: 0o644, content: '' }, { path: 'a/b', mode: 0o644, content: '' }])).toThrow('both a file and a directory');
    expect(() => createTar([{ path: 'a', mode: 0o10000, content: '' }])).toThrow('bad mode');
  });
});

describe('createTarGz', () => {
  it('is byte-identical for the same files, in any order', () => {
    const a = createTarGz(files);
    expect(createTarGz(files).equals(a)).toBe(true);
    expect(createTarGz([...files].reverse()).equals(a)).toBe(true);
    expect(gunzipSync(a).equals(createTar(files))).toBe(true);
  });

  it('writes a gzip header without timestamp or file name', () => {
    const gz = createTarGz(files);
    expect([...gz.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0]);
    expect([...gz.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
  });

  it('archives a rendered bundle identically twice', () => {
    const one = createTarGz(renderRouterBundle(validInput()).files);
    const two = createTarGz(renderRouterBundle(validInput()).files);
    expect(one.equals(two)).toBe(true);
  });
});

const hasTar = spawnSync('tar', ['--version']).status === 0;

describe.skipIf(!hasTar)('with the system tar', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dx-archive-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bundle = renderRouterBundle(validInput());
  const archive = join(dir, bundle.archiveName);
  writeFileSync(archive, createTarGz(bundle.files));

  it('lists every entry as root:root at the epoch with its mode', () => {
    const listing = spawnSync('tar', ['-tzvf', archive], { encoding: 'utf8' });
    expect(listing.status, listing.stderr).toBe(0);
    expect(listing.stderr).toBe('');
    const rows = listing.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^drwxr-xr-x root\/root\s+0 1970-01-01 00:00 dx-router-dxvif-ffabc123\/$/);
    expect(rows).toContainEqual(expect.stringMatching(/^-rw-r----- root\/root\s+\d+ 1970-01-01 00:00 dx-router-dxvif-ffabc123\/etc\/frr\/frr\.conf$/));
    expect(rows).toContainEqual(expect.stringMatching(/^-rwxr-xr-x root\/root\s+\d+ 1970-01-01 00:00 dx-router-dxvif-ffabc123\/install\.sh$/));
    expect(rows.filter((r) => r.startsWith('-'))).toHaveLength(bundle.files.length);
  });

  it('extracts to exactly the rendered files and modes', () => {
    const out = join(dir, 'out');
    spawnSync('mkdir', [out]);
    const x = spawnSync('tar', ['-xzf', archive, '-C', out, '--no-same-owner'], { encoding: 'utf8' });
    expect(x.status, x.stderr).toBe(0);
    for (const f of bundle.files) {
      expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.content);
      expect(statSync(join(out, f.path)).mode & 0o777).toBe(f.mode);
    }
  });
});
