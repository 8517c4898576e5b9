// Short confirmations ("Allocation saved") shown in the corner for a few seconds.
export type Toast = { id: number; message: string; tone: 'success' | 'error' | 'info' };

export const toasts = $state<Toast[]>([]);
let nextId = 1;

export function toast(message: string, tone: Toast['tone'] = 'success'): void {
	const id = nextId++;
	toasts.push({ id, message, tone });
	setTimeout(() => dismissToast(id), tone === 'error' ? 7000 : 3500);
}

export function dismissToast(id: number): void {
	const index = toasts.findIndex((t) => t.id === id);
	if (index >= 0) toasts.splice(index, 1);
}

const FLASH_KEY = 'cz-flash';

/** A toast for the next page load (e.g. after the reload that follows a restore). */
export function toastAfterReload(message: string, tone: Toast['tone'] = 'success'): void {
	sessionStorage.setItem(FLASH_KEY, JSON.stringify({ message, tone }));
}

/** Shows the toast left by toastAfterReload, once. */
export function showPendingToast(): void {
	const raw = sessionStorage.getItem(FLASH_KEY);
	if (!raw) return;
	sessionStorage.removeItem(FLASH_KEY);
	try {
		const { message, tone } = JSON.parse(raw) as Pick<Toast, 'message' | 'tone'>;
		if (typeof message === 'string') toast(message, tone);
	} catch {
		// A value another version left behind: nothing to show.
	}
}
