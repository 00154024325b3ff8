import 'server-only';
import { z } from 'zod';

/**
 * The only module that reads process.env (besides the AWS SDK's own credential and endpoint
 * chain: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL_*, which the SDK reads itself).
 * Parsed once, on first use, so `next build` does not need runtime secrets.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL'),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters'),
  NEXTAUTH_URL: z.string().url().optional(),
  /** base64 of 32 random bytes: encrypts BGP keys and other secrets at rest (AES-256-GCM). */
  DX_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'DX_ENCRYPTION_KEY must be base64 of exactly 32 bytes'),
  /** Name printed on LOA-CFAs as the party that builds the cross-connect. */
  DX_PROVIDER_NAME: z.string().min(1).default('Northwind Colocation'),
  /** The provider's own AWS account: customers' IAM roles trust it. */
  DX_PROVIDER_ACCOUNT_ID: z.string().regex(/^\d{12}$/, 'DX_PROVIDER_ACCOUNT_ID must be a 12-digit AWS account id'),
  /** Name of the IAM role the portal asks customers to create. */
  DX_CUSTOMER_ROLE_NAME: z.string().default('DxPortalAccess'),
  /** Default region for the provider's own calls (interconnects, hosted connections). */
  AWS_REGION: z.string().default('us-east-1'),
  /**
   * Base URL of the AWS sandbox's control API. When set, the portal acts out the physical world
   * in the sandbox (fibre patched, customer router BGP up). Never set it against real AWS.
   */
  DX_SANDBOX_CONTROL_URL: z.string().url().optional(),
  DX_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Number of reverse proxies in front of the app that append to X-Forwarded-For. */
  DX_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  /**
   * `npm run bench -- --load` sets it to serve /bench/floor, a page that does nothing: the
   * framework's own cost per request, which every other page is compared with.
   */
  /**
   * Where notification emails go: smtp://user:pass@host:port or smtps://… (nodemailer URL form).
   * `npm run dev` points it at the local mail catcher. Unset in production, the worker and the
   * admin page say that no email is sent; nothing is dropped silently.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465')
    .optional(),
  MAIL_FROM: z.string().min(3).default('dx-portal <notifications@localhost>'),
  /** The portal's address as users reach it, for links in emails (defaults to NEXTAUTH_URL). */
  DX_PUBLIC_URL: z.string().url().optional(),
  /** Requests per minute each API token may make before it gets 429. */
  DX_API_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  DX_BENCH_FLOOR: z.enum(['0', '1']).default('0'),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** The portal's own origin for links sent outside it (emails, webhook bodies). */
export function publicUrl(): string {
  const e = env();
  return (e.DX_PUBLIC_URL ?? e.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}

/**
 * Sandbox mode: the AWS side is the local sandbox, so webhooks may go to loopback and private
 * addresses (test receivers, a laptop). Against real AWS they never may (SSRF).
 */
export const sandboxMode = () => Boolean(env().DX_SANDBOX_CONTROL_URL);

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
