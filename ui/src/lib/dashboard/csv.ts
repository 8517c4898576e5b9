// The series as a CSV file the owner can open in a spreadsheet.
export type CsvPoint = { bucket: string; sales: number; refunds: number; newCustomers: number; revenue?: { amountMinor: number } | null; refundedAmount?: { amountMinor: number } | null };

const major = (minor: number) => (minor / 100).toFixed(2);

export function seriesCsv(points: CsvPoint[], label: (iso: string) => string, money: boolean): string {
	const head = ['period', 'period_start_utc', 'sales', 'refunded_sales', 'new_customers', ...(money ? ['revenue', 'refunded'] : [])];
	const rows = points.map((p) => [
		`"${label(p.bucket).replace(/"/g, '""')}"`,
		p.bucket,
		p.sales,
		p.refunds,
		p.newCustomers,
		...(money ? [major(p.revenue?.amountMinor ?? 0), major(p.refundedAmount?.amountMinor ?? 0)] : [])
	]);
	return [head, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

export function download(name: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
