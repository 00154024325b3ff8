import { createHash, randomBytes, randomUUID } from 'node:crypto';

const BASE36 = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomChars(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** Direct Connect style ids: `dxcon-fgab12cd`, `dxvif-ffx0l30a`, `dxpeer-fg…`. */
export function dxId(prefix: 'dxcon' | 'dxvif' | 'dxpeer'): string {
  return `${prefix}-f${randomChars('fg', 1)}${randomChars(BASE36, 6)}`;
}

/** EC2 style ids with 17 hex characters: `vgw-0a1b…`. */
export function ec2Id(prefix: string): string {
  return `${prefix}-0${randomBytes(8).toString('hex')}`;
}

export function uuid(): string {
  return randomUUID();
}

/** Deterministic hex derived from a seed string (stable ids for seeded resources). */
export function stableHex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

/** Deterministic alphanumeric string derived from a seed. */
export function stableChars(seed: string, length: number, alphabet = BASE36): string {
  const digest = createHash('sha256').update(seed).digest();
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[(digest[i % digest.length] ?? 0) % alphabet.length];
  return out;
}

export function randomSecret(length: number): string {
  return randomChars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', length);
}

export function randomUpper(length: number): string {
  return randomChars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', length);
}

/** BGP MD5 keys AWS generates look like `0xC_ukbCerl6EYA0example`. */
export function generateAuthKey(): string {
  return `0x${randomChars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.', 22)}`;
}
