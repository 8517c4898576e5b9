// What a bundle gives, as people say it: "1 GB · valid 7 days · 2 h online time". The one
// source of these words for /buy, the printed cards and the admin pages; the legacy code
// (0.5_GHS__100MB) and RouterOS durations (1d) are only ever shown beside it, smaller.
// Pure TypeScript with no imports, so anything (a test, the server) can use it.

export type BundleLimits = {
	dataLimitMb?: number | null;
	validityHours?: number | null;
	uptimeLimit?: string | null;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "500 MB", "1 GB", "1.5 GB"; no limit: "Unlimited data". */
export function dataText(mb: number | null | undefined): string {
	if (mb === null || mb === undefined) return 'Unlimited data';
	if (mb >= 1024) {
		const gb = mb / 1024;
		return `${Number.isInteger(gb) ? gb : Number(gb.toFixed(1))} GB`;
	}
	return `${mb} MB`;
}

/** "valid 7 days", "valid 12 hours"; no validity: "no expiry". */
export function validityText(hours: number | null | undefined): string {
	if (hours === null || hours === undefined) return 'no expiry';
	if (hours % 24 === 0) return `valid ${plural(hours / 24, 'day')}`;
	return `valid ${plural(hours, 'hour')}`;
}

/** A RouterOS duration (1w2d3h4m5s or hh:mm:ss) in seconds; null when it is not one. */
export function durationSeconds(value: string | null | undefined): number | null {
	const text = value?.trim();
	if (!text) return null;
	const clock = /^(\d{1,3}):(\d{2}):(\d{2})$/.exec(text);
	if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
	const m = /^(?=\d)(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
	if (!m) return null;
	const [w, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0));
	return (((w * 7 + d) * 24 + h) * 60 + min) * 60 + s;
}

/** "2 h", "1 h 30 min", "3 days"; what RouterOS wrote when it is not a duration. */
export function durationText(value: string | null | undefined): string | null {
	const seconds = durationSeconds(value);
	if (seconds === null) return value?.trim() || null;
	if (seconds >= 86_400 && seconds % 86_400 === 0) return plural(seconds / 86_400, 'day');
	const h = Math.floor(seconds / 3600);
	const min = Math.floor((seconds % 3600) / 60);
	const s = seconds % 60;
	return [h ? `${h} h` : '', min ? `${min} min` : '', s || seconds === 0 ? `${s} s` : ''].filter(Boolean).join(' ');
}

/** "2 h online time"; no uptime limit: null (nothing to say). */
export function onlineText(uptime: string | null | undefined): string | null {
	const text = durationText(uptime);
	return text ? `${text} online time` : null;
}

/** The parts, for pages that set the data size apart (the /buy cards). */
export function bundleParts(b: BundleLimits): { data: string; validity: string; online: string | null } {
	return { data: dataText(b.dataLimitMb), validity: validityText(b.validityHours), online: onlineText(b.uptimeLimit) };
}

/** ["1 GB", "valid 7 days", "2 h online time"]: for a page that keeps each piece unbroken. */
export function bundlePieces(b: BundleLimits): string[] {
	const p = bundleParts(b);
	return [p.data, p.validity, p.online].filter((x): x is string => Boolean(x));
}

/** "1 GB · valid 7 days · 2 h online time". */
export function bundleSummary(b: BundleLimits): string {
	return bundlePieces(b).join(' · ');
}

/** What the bundle gives after its data size: "Valid 7 days · 2 h online time". */
export function bundleTerms(b: BundleLimits): string {
	const p = bundleParts(b);
	const text = [p.validity, p.online].filter(Boolean).join(' · ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}
