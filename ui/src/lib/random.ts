/**
 * A random idempotency key. crypto.randomUUID only exists on HTTPS pages, and the
 * hotspot page is often plain HTTP on the LAN; getRandomValues works on both.
 */
export function randomKey(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
