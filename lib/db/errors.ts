/** Prisma's "unique constraint failed" error, which callers turn into a field error. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
