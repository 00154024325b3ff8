import 'server-only';
import pino, { type Logger } from 'pino';
import { env } from './env';

/** Paths that must never reach a log line, whatever object they sit in. */
const redact = [
  '*.password',
  '*.passwordHash',
  '*.authKey',
  '*.authKeyCiphertext',
  '*.secretAccessKey',
  '*.SecretAccessKey',
  '*.sessionToken',
  '*.SessionToken',
  '*.token',
  '*.secret',
  'input',
  'values',
  'headers.authorization',
  'headers.cookie',
];

let root: Logger | undefined;

export function logger(): Logger {
  root ??= pino({ level: env().LOG_LEVEL, redact: { paths: redact, censor: '[redacted]' }, base: { app: 'dx-portal' } });
  return root;
}

export type LogContext = { userId?: string; orgId?: string; action?: string; job?: string; jobId?: string };

export function childLogger(context: LogContext): Logger {
  return logger().child(context);
}
