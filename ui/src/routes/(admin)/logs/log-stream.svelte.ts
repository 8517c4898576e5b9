// The Logs page's list: history pages (newest first, cursor pagination toward older
// entries) merged with the live tail, deduplicated by sequence, with pause/resume.
import { fetchOnce } from '$lib/graphql/operation.svelte';
import type { LogEntryFieldsFragment, LogFilter } from '$lib/graphql/generated/graphql';
import { LogsDoc } from './queries';

export type LogRow = LogEntryFieldsFragment & { live?: boolean };

const PAGE = 50;

export class LogStream {
	entries = $state<LogRow[]>([]);
	/** Live entries received while paused, newest first. */
	buffer = $state<LogRow[]>([]);
	paused = $state(false);
	loading = $state(false);
	/** True once the first history page of the current filter is in. */
	ready = $state(false);
	hasMore = $state(true);
	error = $state('');

	#filter: LogFilter = {};
	#after: string | null = null;
	#seen = new Set<number>();
	#generation = 0;
	// Live entries arrive in bursts (a bulk insert is thousands of rows); they are merged
	// into the list in one step per tick instead of one array copy each.
	#incoming: LogRow[] = [];
	#flushTimer: ReturnType<typeof setTimeout> | undefined;

	/** Newest sequence on screen or buffered: where a live subscription resumes from. */
	get newestSequence(): number | null {
		return this.buffer[0]?.sequence ?? this.entries[0]?.sequence ?? null;
	}

	async reset(filter: LogFilter): Promise<void> {
		this.#generation++;
		this.#filter = filter;
		this.#after = null;
		this.#seen = new Set();
		this.#incoming = [];
		this.entries = [];
		this.buffer = [];
		this.hasMore = true;
		this.ready = false;
		this.loading = false;
		await this.loadMore();
	}

	async loadMore(): Promise<void> {
		if (this.loading || !this.hasMore) return;
		const generation = this.#generation;
		this.loading = true;
		this.error = '';
		const result = await fetchOnce(LogsDoc, { first: PAGE, after: this.#after, filter: this.#filter });
		if (generation !== this.#generation) return;
		this.loading = false;
		if (result.error || !result.data) {
			this.error = result.error ?? 'Could not load the log.';
			this.ready = true;
			return;
		}
		const { edges, pageInfo } = result.data.logs;
		const older = edges.map((e) => e.node).filter((entry) => this.#remember(entry.sequence));
		this.entries = [...this.entries, ...older];
		this.#after = pageInfo.endCursor ?? null;
		this.hasMore = pageInfo.hasNextPage;
		this.ready = true;
	}

	receive(entry: LogEntryFieldsFragment): void {
		if (!this.#remember(entry.sequence)) return;
		this.#incoming.push({ ...entry, live: true });
		this.#flushTimer ??= setTimeout(() => this.#flush(), 80);
	}

	pause(): void {
		this.paused = true;
	}

	resume(): void {
		this.#flush();
		this.entries = mergeNewestFirst(this.entries, this.buffer);
		this.buffer = [];
		this.paused = false;
	}

	#flush(): void {
		clearTimeout(this.#flushTimer);
		this.#flushTimer = undefined;
		if (this.#incoming.length === 0) return;
		const rows = this.#incoming.sort((a, b) => b.sequence - a.sequence);
		this.#incoming = [];
		if (this.paused) this.buffer = mergeNewestFirst(this.buffer, rows);
		else this.entries = mergeNewestFirst(this.entries, rows);
	}

	#remember(sequence: number): boolean {
		if (this.#seen.has(sequence)) return false;
		this.#seen.add(sequence);
		return true;
	}
}

/** Merge two lists that are each sorted newest first. */
function mergeNewestFirst(a: LogRow[], b: LogRow[]): LogRow[] {
	if (b.length === 0) return a;
	if (a.length === 0 || b[b.length - 1].sequence > a[0].sequence) return [...b, ...a];
	const out: LogRow[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (j >= b.length || (i < a.length && a[i].sequence > b[j].sequence)) out.push(a[i++]);
		else out.push(b[j++]);
	}
	return out;
}
