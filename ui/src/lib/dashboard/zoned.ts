// Calendar dates in the shop's time zone (not the browser's): presets and labels follow
// TIME_ZONE, like the server's buckets. Dates are "YYYY-MM-DD".
const cache = new Map<string, Intl.DateTimeFormat>();
function parts(zone: string, ms: number) {
	let f = cache.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
		cache.set(zone, f);
	}
	const p: Record<string, number> = {};
	for (const x of f.formatToParts(new Date(ms))) if (x.type !== 'literal') p[x.type] = Number(x.value);
	return p as { year: number; month: number; day: number; hour: number; minute: number };
}

const pad = (n: number) => String(n).padStart(2, '0');
export function dateIn(zone: string, ms: number): string {
	const p = parts(zone, ms);
	return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}
export function addDays(date: string, n: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
export const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
export function addMonths(date: string, n: number): string {
	const [y, m] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10);
}
/** The instant a local date starts (its first hour; midnight unless a clock change skips it). */
export function startOf(zone: string, date: string): Date {
	const [y, m, d] = date.split('-').map(Number);
	const wall = Date.UTC(y, m - 1, d);
	let t = wall;
	for (let i = 0; i < 3; i++) {
		const p = parts(zone, t);
		const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(t / 60000) * 60000;
		t = wall - offset;
	}
	// Step back while the hour before is still the same date, forward while before it.
	while (dateIn(zone, t - 3600_000) === date) t -= 3600_000;
	while (dateIn(zone, t) < date) t += 3600_000;
	return new Date(t);
}
export function days(from: string, toInclusive: string): number {
	return Math.round((Date.parse(toInclusive) - Date.parse(from)) / 86_400_000) + 1;
}
