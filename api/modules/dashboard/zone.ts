// Calendar arithmetic in the shop's IANA time zone, with Intl only (no tz database of our
// own). Instants are unix seconds; local dates are "YYYY-MM-DD" strings.
//
// The aggregates are kept per *local hour* of the zone, stored as the hour's UTC start.
// For a zone whose offset is always whole hours plus the same minutes (every zone in use
// except Australia/Lord_Howe), local hours are fixed-width UTC intervals shifted by that
// "phase" (0 for Accra or London, 30 min for India or Adelaide, 45 min for Nepal), and
// they nest inside local days, weeks and months whatever daylight saving does. A zone whose
// minutes change with the seasons, or whose clock falls back across midnight (a local date
// that comes back), cannot be bucketed that way and is refused at start with its reason.

const HOUR = 3600;
const DAY = 86400;
/** The years whose offsets are tabled (earlier instants use the first offset). */
export const ZONE_YEARS = { from: 1990, to: 2100 } as const;
/** From here on the zone must be bucketable: a zone's history before (Caracas at -4:30 until
 * 2016, St John's falling back at midnight until 2011) only shifts old hours, consistently. */
const CHECKED_FROM = Date.UTC(2020, 0, 1) / 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

export function localParts(zone: string, t: number): LocalParts {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(t * 1000))) if (part.type !== "literal") p[part.type] = Number(part.value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** UTC offset at instant t, in minutes (east positive). */
export function offsetMinutes(zone: string, t: number): number {
  const p = localParts(zone, t);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000;
  return Math.round((wall - Math.floor(t)) / 60);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
export const dateKey = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function localDate(zone: string, t: number): string {
  const p = localParts(zone, t);
  return dateKey(p.year, p.month, p.day);
}

/** Calendar arithmetic on date keys (no zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const x = new Date(Date.UTC(y, m - 1, d + n));
  return dateKey(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate());
}
/** Monday of the date's week. */
export function weekStart(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const dow = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0
  return addDays(date, -dow);
}
export const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
export function addMonths(date: string, n: number): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const x = new Date(Date.UTC(y, m - 1 + n, 1));
  return dateKey(x.getUTCFullYear(), x.getUTCMonth() + 1, 1);
}

/** Transitions of the zone's offset: [instant from which it applies, offset minutes], ascending. */
export function offsetTransitions(zone: string, years = ZONE_YEARS): [number, number][] {
  let t = Date.UTC(years.from, 0, 1) / 1000;
  const end = Date.UTC(years.to, 0, 1) / 1000;
  let off = offsetMinutes(zone, t);
  const out: [number, number][] = [[t, off]];
  // Transitions are months apart: step a week, then bisect to the second.
  const step = 7 * DAY;
  while (t < end) {
    const next = t + step;
    const o = offsetMinutes(zone, next);
    if (o !== off) {
      let lo = t, hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMinutes(zone, mid) === off) lo = mid;
        else hi = mid;
      }
      out.push([hi, offsetMinutes(zone, hi)]);
      off = offsetMinutes(zone, hi);
    }
    t = next;
  }
  return out;
}

export type ZoneModel = {
  zone: string;
  /** Bucket starts are `phase` seconds past a UTC hour. */
  phase: number;
  transitions: [number, number][];
  /** dayStart answers, by date (a few thousand at most: one per day of data). */
  starts?: Map<string, number>;
};

/** Checks the zone can be bucketed in local hours; throws a message naming the reason. */
export function zoneModel(zone: string): ZoneModel {
  try {
    formatter(zone);
  } catch {
    throw new Error(`"${zone}" is not an IANA time zone (e.g. Africa/Accra, Europe/London)`);
  }
  const transitions = offsetTransitions(zone);
  const recent = transitions.filter(([at], i) => at >= CHECKED_FROM || transitions[i + 1] === undefined || transitions[i + 1]![0] > CHECKED_FROM);
  const phases = new Set(recent.map(([, o]) => (((o % 60) + 60) % 60)));
  if (phases.size > 1) throw new Error(`${zone} changes its UTC offset by less than an hour, which the dashboard's hourly figures cannot follow`);
  for (let i = 1; i < transitions.length; i++) {
    const [at, off] = transitions[i]!;
    const before = transitions[i - 1]![1];
    if (at >= CHECKED_FROM && off < before && localDate(zone, at - 1) > localDate(zone, at)) {
      throw new Error(`${zone} turns its clocks back across midnight (${new Date(at * 1000).toISOString()}), so a local day would come back; the dashboard cannot bucket it`);
    }
  }
  return { zone, phase: [...phases][0]! * 60, transitions };
}

/** The offset (minutes) in force at t, from the model's transitions. */
export function offsetAt(model: ZoneModel, t: number): number {
  const tr = model.transitions;
  let lo = 0, hi = tr.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tr[mid]![0] <= t) lo = mid;
    else hi = mid - 1;
  }
  return tr[lo]![1];
}

/** Start of the bucket (local hour) containing t. */
export const bucketOf = (model: ZoneModel, t: number) => Math.floor((t - model.phase) / HOUR) * HOUR + model.phase;
export const ceilBucket = (model: ZoneModel, t: number) => Math.ceil((t - model.phase) / HOUR) * HOUR + model.phase;
export const dayOfBucket = (model: ZoneModel, b: number) => new Date((b + offsetAt(model, b) * 60) * 1000).toISOString().slice(0, 10);
export const hourOfBucket = (model: ZoneModel, b: number) => new Date((b + offsetAt(model, b) * 60) * 1000).getUTCHours();

/** The first instant of the local date (its first bucket's start; midnight, or the hour a spring-forward skips to). */
export function dayStart(model: ZoneModel, date: string): number {
  const known = model.starts?.get(date);
  if (known !== undefined) return known;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) / 1000;
  // The instant whose local wall clock is midnight lies within a day of wall - 14h..wall + 14h.
  let t = bucketOf(model, wall - offsetAt(model, wall) * 60);
  // Walk to the first bucket of the date (at most a couple of steps around a transition).
  while (dayOfBucket(model, t) >= date) t -= HOUR;
  while (dayOfBucket(model, t) < date) t += HOUR;
  (model.starts ??= new Map()).set(date, t);
  return t;
}
