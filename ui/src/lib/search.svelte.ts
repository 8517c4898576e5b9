// A list's search box that searches once typing stops: `text` is bound to the input, `term`
// follows it (trimmed) `ms` after the last key and is what the list's filter uses. Create it
// during component initialisation.
export class DebouncedSearch {
	text = $state('');
	term = $state('');

	constructor(initial: string, ms = 300) {
		this.text = initial;
		this.term = initial;
		$effect(() => {
			const text = this.text.trim();
			const timer = setTimeout(() => (this.term = text), ms);
			return () => clearTimeout(timer);
		});
	}

	/** Empty the box and the term at once (a "Clear filters" button). */
	clear(): void {
		this.text = '';
		this.term = '';
	}
}
