// Ghana phone numbers as the server accepts them: 0XXXXXXXXX, 233XXXXXXXXX, +233 XX XXX XXXX.

const networks: Record<string, string> = {
	'024': 'MTN', '025': 'MTN', '053': 'MTN', '054': 'MTN', '055': 'MTN', '059': 'MTN',
	'020': 'Telecel', '050': 'Telecel',
	'026': 'AirtelTigo', '027': 'AirtelTigo', '056': 'AirtelTigo', '057': 'AirtelTigo'
};

/** The 10-digit 0… form, or null when the text is not a Ghana mobile number. */
export function normalizeGhanaPhone(text: string): string | null {
	const digits = text.replace(/[\s\-().]/g, '');
	let local: string | null = null;
	if (/^0\d{9}$/.test(digits)) local = digits;
	else if (/^\+?233\d{9}$/.test(digits)) local = `0${digits.slice(-9)}`;
	return local;
}

export function phoneNetwork(local: string | null): string | null {
	return local ? (networks[local.slice(0, 3)] ?? null) : null;
}
