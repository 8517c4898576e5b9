// Display formatting. Money stays in integer minor units until it is shown. Bundles are
// described by $lib/bundle-text.
import { addDays, startOf } from '$lib/dashboard/zoned';
import { normalizeGhanaPhone } from '$lib/phone';

export type MoneyLike = { amountMinor: number; currency: string; formatted?: string };

export function formatMoney(money: MoneyLike | null | undefined): string {
	if (!money) return '—';
	const major = money.formatted ?? minorToMajor(money.amountMinor);
	return `${money.currency} ${major}`;
}

export function minorToMajor(minor: number): string {
	const sign = minor < 0 ? '-' : '';
	const abs = Math.abs(minor);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12.5" -> 1250 without floating point; null when the text is not an amount. */
export function majorToMinor(text: string): number | null {
	const match = /^\s*(\d{1,9})(?:\.(\d{0,2}))?\s*$/.exec(text);
	if (!match) return null;
	return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function formatBytes(bytes: number | null | undefined): string {
	if (bytes === null || bytes === undefined) return '—';
	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

// Dates and times are shown in the shop's time zone (TIME_ZONE, from appInfo), not the
// browser's: a manager abroad sees the shop's day. Until appInfo has answered, the browser's.
let zone: string | undefined;
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'dateTime' | 'date' | 'time' | 'dayMonth' | 'key'): Intl.DateTimeFormat {
	const id = `${kind}|${zone ?? ''}`;
	let f = formatters.get(id);
	if (!f) {
		const options: Record<typeof kind, Intl.DateTimeFormatOptions> = {
			dateTime: { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
			date: { day: '2-digit', month: 'short', year: 'numeric' },
			time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
			dayMonth: { day: 'numeric', month: 'short' },
			key: { year: 'numeric', month: '2-digit', day: '2-digit' }
		};
		f = new Intl.DateTimeFormat('en-GB', { ...options[kind], timeZone: zone });
		formatters.set(id, f);
	}
	return f;
}

/** Called once the server has said which zone the shop is in. */
export function setShopTimeZone(timeZone: string | null | undefined): void {
	zone = timeZone || undefined;
}

export function shopTimeZone(): string {
	return zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "03 Dec 2026, 14:05". */
export function formatDateTime(iso: string | null | undefined): string {
	return iso ? formatter('dateTime').format(new Date(iso)) : '—';
}

/** "03 Dec 2026". */
export function formatDate(iso: string | null | undefined): string {
	return iso ? formatter('date').format(new Date(iso)) : '—';
}

/** "14:05:09": only beside a date (see formatWhen), never alone. */
export function formatTime(iso: string | null | undefined): string {
	return iso ? formatter('time').format(new Date(iso)) : '—';
}

/** The shop's calendar day of an instant, e.g. "03/12/2026" (for comparing days). */
export function dayKey(at: Date | string | number): string {
	return formatter('key').format(new Date(at));
}

/** A moment with its day in words: "today 14:05", "yesterday 09:30", "3 Dec 14:05", "3 Dec 2025, 14:05". */
export function formatWhen(iso: string | null | undefined, now = Date.now()): string {
	if (!iso) return '—';
	const at = new Date(iso);
	const clock = formatTime(iso).slice(0, 5);
	const day = dayKey(at);
	if (day === dayKey(now)) return `today ${clock}`;
	if (day === dayKey(now - 86_400_000)) return `yesterday ${clock}`;
	if (day.slice(-4) === dayKey(now).slice(-4)) return `${formatter('dayMonth').format(at)} ${clock}`;
	return formatDateTime(iso);
}

export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
	if (!iso) return '—';
	const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
	const abs = Math.abs(seconds);
	const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
	if (abs < 60) return rtf.format(seconds, 'second');
	if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
	if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
	if (abs < 30 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
	return formatDate(iso);
}

export function formatCount(n: number): string {
	return new Intl.NumberFormat('en-GB').format(n);
}

const networkNames: Record<string, string> = { MTN: 'MTN', TELECEL: 'Telecel', AIRTELTIGO: 'AirtelTigo' };

export function formatNetwork(network: string | null | undefined): string {
	if (!network) return '';
	return networkNames[network.toUpperCase()] ?? network;
}

/** The one way a phone number is shown: "024 123 4567", whichever way it was typed or stored. */
export function formatPhone(phone: string | null | undefined): string {
	if (!phone) return '—';
	const local = normalizeGhanaPhone(phone) ?? phone;
	const m = /^(0\d{2})(\d{3})(\d{4})$/.exec(local);
	return m ? `${m[1]} ${m[2]} ${m[3]}` : phone;
}

/** A date input's value (YYYY-MM-DD) -> the ISO instant that day starts or ends in the shop. */
export function dayBoundary(day: string, edge: 'start' | 'end'): string | undefined {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
	const tz = shopTimeZone();
	const at = edge === 'start' ? startOf(tz, day) : new Date(startOf(tz, addDays(day, 1)).getTime() - 1);
	return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/**
 * A datetime-local input's value (YYYY-MM-DDTHH:mm) read as the shop's wall clock -> ISO
 * instant (counted from the day's start: on a clock-change day, an hour off after the change).
 */
export function wallClockToIso(local: string): string | null {
	const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
	if (!m) return null;
	const at = new Date(startOf(shopTimeZone(), m[1]).getTime() + (Number(m[2]) * 60 + Number(m[3])) * 60_000);
	return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
