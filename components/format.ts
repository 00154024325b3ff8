const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** Times are shown in UTC everywhere, labelled, so NOC, AWS and customers read the same clock. */
export function formatDateTime(date: Date): string {
  return `${dateTimeFormat.format(date)} UTC`;
}

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

export function formatAge(from: Date, now = new Date()): string {
  const minutes = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

export function formatRelative(to: Date, now = new Date()): string {
  const ms = to.getTime() - now.getTime();
  const abs = Math.abs(ms);
  const hours = abs / 3_600_000;
  const text = hours < 1 ? `${Math.max(1, Math.round(abs / 60_000))} min` : hours < 48 ? `${Math.round(hours)} h` : `${Math.round(hours / 24)} days`;
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}

/** ISO-like UTC timestamp for logs and exports: 2026-03-01 14:05:09. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 19);
}
