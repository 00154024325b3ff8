import type { NextConfig } from 'next';

const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `next dev` only trusts localhost by default; opened at http://127.0.0.1:3000 (or [::1]) the page
  // rendered but its scripts and hot reload were refused, so nothing on it worked.
  allowedDevOrigins: ['127.0.0.1', '[::1]'],
  // The build checks the app's own code; `npm test` type-checks everything (tests, scripts, sandbox).
  typescript: { tsconfigPath: 'tsconfig.app.json' },
  typedRoutes: false,
  serverExternalPackages: ['pino', 'graphile-worker', 'pg', '@prisma/adapter-pg'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
