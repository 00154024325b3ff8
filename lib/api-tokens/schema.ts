/**
 * The API token form: the account page and createApiToken share this schema. No crypto here,
 * so the browser bundle can import it.
 */
import { z } from 'zod';

/** Every token starts with this, so secret scanners (and people) recognise one in a paste. */
export const TOKEN_PREFIX = 'dxp_';

/** The longest a token may live: 12 months. */
export const MAX_TOKEN_DAYS = 365;
export const tokenLifetimes = [30, 90, 180, 365] as const;

export const createTokenSchema = z.object({
  name: z.string().trim().min(3, 'Name the token in at least 3 characters, e.g. "terraform-prod".').max(60, 'Keep the name under 60 characters.'),
  scope: z.enum(['READ', 'WRITE'], { error: 'Choose read-only or read and write.' }),
  expiresInDays: z.coerce
    .number({ error: 'Choose when the token expires.' })
    .int('Choose when the token expires.')
    .min(1, 'A token lives at least one day.')
    .max(MAX_TOKEN_DAYS, `A token lives at most ${MAX_TOKEN_DAYS} days (12 months).`),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;
export type CreateToken = z.output<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({ id: z.string().min(1).max(40) });

/** What a list shows of a token: never more than its public part. */
export const tokenHint = (lookup: string) => `${TOKEN_PREFIX}${lookup}_…`;
