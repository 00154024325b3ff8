import 'next-auth';
import 'next-auth/jwt';

// The session carries only the user id; role and organisation are read from the database per request.
declare module 'next-auth' {
  interface Session {
    user: { id: string };
  }
  interface User {
    id: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sub?: string;
  }
}
