// The dashboard's charts, typed in one place: which figure each shows, its label, colour
// and how its values are written. Money arrives in minor units and is charted in major units.
import { formatCount } from '$lib/format';

export type Granularity = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';

export type Metric = 'revenue' | 'sales' | 'refunds' | 'refundedAmount' | 'newCustomers';

export type MetricConfig = {
	label: string;
	color: string;
	money: boolean;
	/** Axis and tooltip text for one value. */
	format: (value: number) => string;
};

export function metricConfig(currency: string): Record<Metric, MetricConfig> {
	const moneyFormat = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	const money = (v: number) => `${currency} ${moneyFormat.format(v)}`;
	return {
		revenue: { label: 'Revenue', color: 'var(--primary)', money: true, format: money },
		sales: { label: 'Sales', color: 'var(--primary)', money: false, format: formatCount },
		refunds: { label: 'Refunded sales', color: 'var(--danger)', money: false, format: formatCount },
		refundedAmount: { label: 'Refunded', color: 'var(--danger)', money: true, format: money },
		newCustomers: { label: 'New customers', color: 'var(--success)', money: false, format: formatCount }
	};
}

/** How a bucket is labelled, in the shop's zone. */
export function bucketLabel(zone: string, granularity: Granularity, short = false): (d: Date) => string {
	const opts: Intl.DateTimeFormatOptions =
		granularity === 'HOUR'
			? short
				? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
				: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
			: granularity === 'MONTH'
				? { month: 'short', year: 'numeric' }
				: short
					? { day: 'numeric', month: 'short' }
					: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
	const f = new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: zone });
	return (d) => (granularity === 'WEEK' && !short ? `Week of ${f.format(d)}` : f.format(d));
}

export const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;
