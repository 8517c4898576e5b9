import { graphql } from '$lib/graphql/generated';
import { fetchOnce } from '$lib/graphql/operation.svelte';
import type { AppInfoQuery } from '$lib/graphql/generated/graphql';

export const AppInfoDoc = graphql(`
	query AppInfo {
		appInfo {
			currency
			paymentProvider
			hotspotLoginUrl
			timeZone
			shopName
			receiptFooter
			cardsPerPage
		}
	}
`);

export type AppInfo = AppInfoQuery['appInfo'];

let cached: Promise<AppInfo | null> | undefined;

/** Server settings the UI needs (currency, hotspot login URL); fetched once per page load. */
export function loadAppInfo(): Promise<AppInfo | null> {
	cached ??= fetchOnce(AppInfoDoc, {}).then((r) => {
		if (!r.data) cached = undefined;
		return r.data?.appInfo ?? null;
	});
	return cached;
}

/** After the Settings page saved: the next loadAppInfo() asks the server again. */
export function forgetAppInfo(): void {
	cached = undefined;
}

/** The hotspot login link with the voucher filled in, for QR codes. */
export function hotspotLoginLink(base: string, username: string, password: string): string {
	const url = new URL(base);
	url.searchParams.set('username', username);
	url.searchParams.set('password', password);
	return url.toString();
}
