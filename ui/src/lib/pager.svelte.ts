// Forward cursor pagination with a stack of the cursors already visited, so
// "Previous" works on connections that only take first/after.
export class CursorPager {
	pageSize = $state(50);
	#cursors = $state<(string | null)[]>([null]);

	constructor(pageSize = 50) {
		this.pageSize = pageSize;
	}

	get index(): number {
		return this.#cursors.length - 1;
	}

	get after(): string | null {
		return this.#cursors[this.#cursors.length - 1];
	}

	get hasPrevious(): boolean {
		return this.#cursors.length > 1;
	}

	next(endCursor: string | null | undefined): void {
		if (endCursor) this.#cursors = [...this.#cursors, endCursor];
	}

	previous(): void {
		if (this.#cursors.length > 1) this.#cursors = this.#cursors.slice(0, -1);
	}

	/** Back to the first page, e.g. when a filter changes. */
	reset(): void {
		if (this.#cursors.length > 1) this.#cursors = [null];
	}

	setPageSize(size: number): void {
		this.pageSize = size;
		this.#cursors = [null];
	}
}
