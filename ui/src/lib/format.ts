// Display formatting. Money stays in integer minor units until it is shown.

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

export function formatDataLimit(mb: number | null | undefined): string {
	if (mb === null || mb === undefined) return 'Unlimited';
	if (mb >= 1024 && mb % 1024 === 0) return `${mb / 1024} GB`;
	if (mb >= 1024) return `${(mb / 1024).toFixed(1)} GB`;
	return `${mb} MB`;
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

export function formatValidity(hours: number | null | undefined): string {
	if (hours === null || hours === undefined) return 'No expiry';
	if (hours % 24 === 0) {
		const days = hours / 24;
		return days === 1 ? '1 day' : `${days} days`;
	}
	return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** RouterOS duration "1d2h30m" -> "1d 2h 30m". */
export function formatUptime(value: string | null | undefined): string {
	if (!value) return 'No limit';
	return value.replace(/(\d+[wdhms])(?=\d)/g, '$1 ');
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
	day: '2-digit',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', year: 'numeric' });
const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function formatDateTime(iso: string | null | undefined): string {
	return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatDate(iso: string | null | undefined): string {
	return iso ? dateOnly.format(new Date(iso)) : '—';
}

export function formatTime(iso: string | null | undefined): string {
	return iso ? timeOnly.format(new Date(iso)) : '—';
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

/** "0241234567" -> "024 123 4567". */
export function formatPhone(phone: string | null | undefined): string {
	if (!phone) return '—';
	const m = /^(0\d{2})(\d{3})(\d{4})$/.exec(phone);
	return m ? `${m[1]} ${m[2]} ${m[3]}` : phone;
}

/** Local date input value (YYYY-MM-DD) -> ISO instant at the start or end of that day. */
export function dayBoundary(day: string, edge: 'start' | 'end'): string | undefined {
	if (!day) return undefined;
	const [y, m, d] = day.split('-').map(Number);
	const date = edge === 'start' ? new Date(y, m - 1, d, 0, 0, 0, 0) : new Date(y, m - 1, d, 23, 59, 59, 999);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
