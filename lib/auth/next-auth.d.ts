import 'next-auth';
import 'next-auth/jwt';

// The session carries only the user id; role and organisation are read from the database per request.
declare module 'next-auth' {
  interface Session {
    user: { id: string };
    /** When this session signed in (ms since the epoch); sessions older than the user's sessionsValidAfter are void. */
    authTime?: number;
  }
  interface User {
    id: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sub?: string;
    /** Set once at sign-in; unlike `iat` it is not renewed when the token is refreshed. */
    authTime?: number;
  }
}
