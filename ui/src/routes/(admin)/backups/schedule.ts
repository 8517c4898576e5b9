// The cron expressions a shop owner is likely to set, said in words; anything else is shown as is.
export function describeSchedule(cron: string | null | undefined): string {
	if (!cron) return 'No scheduled backups';
	const m = /^(\d{1,2}) (\d{1,2}) \* \* (\*|[0-6])$/.exec(cron.trim());
	if (!m) return `On the schedule “${cron}”`;
	const time = `${m[2].padStart(2, '0')}:${m[1].padStart(2, '0')}`;
	const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
	return m[3] === '*' ? `Every day at ${time}` : `Every ${days[Number(m[3])]} at ${time}`;
}

export function describeRetention(keep: number | null | undefined, keepDays: number | null | undefined): string {
	const parts: string[] = [];
	if (keep) parts.push(`the newest ${keep}`);
	if (keepDays) parts.push(`${keepDays} day${keepDays === 1 ? '' : 's'}`);
	return parts.length ? `Keeps ${parts.join(' and at most ')}; the newest backup is always kept` : 'Keeps every backup until you delete it';
}
