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
