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

	/** Newest sequence on screen or buffered: where a live subscription resumes from. */
	get newestSequence(): number | null {
		return this.buffer[0]?.sequence ?? this.entries[0]?.sequence ?? null;
	}

	async reset(filter: LogFilter): Promise<void> {
		this.#generation++;
		this.#filter = filter;
		this.#after = null;
		this.#seen = new Set();
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
		const row: LogRow = { ...entry, live: true };
		if (this.paused) this.buffer = insertNewestFirst(this.buffer, row);
		else this.entries = insertNewestFirst(this.entries, row);
	}

	pause(): void {
		this.paused = true;
	}

	resume(): void {
		let merged = this.entries;
		for (const row of [...this.buffer].reverse()) merged = insertNewestFirst(merged, row);
		this.entries = merged;
		this.buffer = [];
		this.paused = false;
	}

	#remember(sequence: number): boolean {
		if (this.#seen.has(sequence)) return false;
		this.#seen.add(sequence);
		return true;
	}
}

function insertNewestFirst(list: LogRow[], row: LogRow): LogRow[] {
	let index = 0;
	while (index < list.length && list[index].sequence > row.sequence) index++;
	return [...list.slice(0, index), row, ...list.slice(index)];
}
