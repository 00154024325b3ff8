import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '../db/client';
import { env } from '../env';
import { logger } from '../log';
import { checkCredentials, clientIp } from './credentials';
import { signInSchema } from './schema';

/** Error codes the sign-in form turns into messages (next-auth passes thrown messages through). */
export const SIGN_IN_RATE_LIMITED = 'RATE_LIMITED';

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    // Credentials sign-in requires JWT sessions; the token carries only the user id and every
    // request re-reads the user, role and organisation from the database (lib/auth/session.ts).
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const ip = clientIp(headers['x-forwarded-for'], env().DX_TRUSTED_PROXY_HOPS);
          const result = await checkCredentials(db(), { ...parsed.data, ip });
          if (result.ok) return { id: result.userId };
          if (result.reason === 'rate_limited') {
            logger().warn({ ip }, 'sign-in refused: too many failed attempts');
            throw new Error(SIGN_IN_RATE_LIMITED);
          }
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.authTime = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, user: { id: token.sub ?? '' }, authTime: token.authTime };
      },
    },
  };
}
