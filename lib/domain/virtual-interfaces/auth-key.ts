import { AUTH_KEY_MAX, AUTH_KEY_MIN } from './constants';

/**
 * Characters that router configurations would read differently from what AWS stores: FRR
 * splits `neighbor … password KEY` on whitespace and treats `!`/`#` as comments, Junos quotes
 * keys, and `?` triggers CLI help. Same set as the router bundle, so every key the portal
 * accepts can be rendered into a bundle.
 */
const TROUBLESOME = `"'\`\\?!#`;

/** The BGP MD5 key rule; null when the key is fine. The key is never echoed in messages. */
export function checkAuthKey(key: string): string | null {
  const chars = [...key];
  if (chars.length < AUTH_KEY_MIN || chars.length > AUTH_KEY_MAX) {
    return `The BGP key must be ${AUTH_KEY_MIN} to ${AUTH_KEY_MAX} characters long; this one has ${chars.length}.`;
  }
  if (chars.some((c) => /\s/.test(c))) return 'The BGP key cannot contain spaces, tabs or line breaks: router configurations would cut it at the first one.';
  const nonAscii = chars.find((c) => !/^[\x21-\x7e]$/.test(c));
  if (nonAscii !== undefined) {
    return `The BGP key must use printable ASCII characters only; it contains U+${(nonAscii.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}.`;
  }
  const bad = chars.find((c) => TROUBLESOME.includes(c));
  if (bad !== undefined) {
    return `The BGP key cannot contain “${bad}”: quotes, backslash, "?", "!" and "#" change meaning in router configurations. Letters, digits and other symbols are fine.`;
  }
  return null;
}

/** 64 symbols, so one random byte's low six bits pick one without bias. */
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.';
const GENERATED_LENGTH = 22;

/**
 * A key in the style AWS generates (`0x` + 22 characters, 132 random bits), from an injected
 * source of cryptographically secure random bytes, e.g. `(n) => crypto.getRandomValues(new Uint8Array(n))`.
 */
export function generateAuthKey(randomBytes: (length: number) => Uint8Array): string {
  const bytes = randomBytes(GENERATED_LENGTH);
  if (bytes.length < GENERATED_LENGTH) throw new Error(`generateAuthKey: the random source returned ${bytes.length} of ${GENERATED_LENGTH} bytes`);
  let key = '0x';
  for (let i = 0; i < GENERATED_LENGTH; i++) key += KEY_ALPHABET[(bytes[i] ?? 0) & 63];
  return key;
}

/** For support staff and logs of what was shown: never the key itself. */
export function maskAuthKey(key: string | null | undefined): string {
  return key ? '•'.repeat(8) : 'not set';
}
