/**
 * Calendar days as the shop lives them: an order placed at 00:30 in Rome on 1 March belongs to
 * 1 March in the accountant's export, though it is still 28 February in UTC.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats a date as YYYY-MM-DD, the ISO form the exports and reports use.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The shop's day (YYYY-MM-DD) of an instant, in `timeZone` (an IANA name such as Europe/Rome). */
export function shopDay(at: string | number | Date, timeZone: string): string {
  return formatter(timeZone).format(new Date(at));
}

/** Whether `timeZone` is an IANA time zone this Node knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export const DEFAULT_TIME_ZONE = 'Europe/Rome';

/** An instant to the minute, as the owner reads it in a report: `2026-12-05 21:40 UTC`. */
export function utcMinute(at: string): string {
  return `${at.slice(0, 16).replace('T', ' ')} UTC`;
}
