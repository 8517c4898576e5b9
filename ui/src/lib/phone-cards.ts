// The one way a table becomes cards on a phone: `use:phoneCards` on a `<table class="table
// phone-cards">` (QueryTable does it for every list page). Below 640 px the rules in app.css
// lay each row out as a card and show every cell's column header beside it; this action
// writes those headers into the cells (data-label), again whenever rows are added or
// replaced. A cell that sets its own data-label keeps it.

export function labelCells(table: HTMLTableElement): void {
	const heads = table.tHead?.rows[table.tHead.rows.length - 1]?.cells;
	if (!heads) return;
	const labels = Array.from(heads, (th) => th.textContent?.trim() ?? '');
	for (const body of Array.from(table.tBodies)) {
		for (const tr of Array.from(body.rows)) {
			Array.from(tr.cells).forEach((td, i) => {
				if (!td.hasAttribute('data-label')) td.setAttribute('data-label', labels[i] ?? '');
			});
		}
	}
}

export function phoneCards(table: HTMLTableElement) {
	labelCells(table);
	// Only rows and cells coming and going matter, not text changes inside them.
	const observer = new MutationObserver(() => labelCells(table));
	observer.observe(table, { childList: true, subtree: true });
	return { destroy: () => observer.disconnect() };
}
