import type { CombinedError } from '@urql/core';

/** The message to show next to a form: the server's words, or a plain network hint. */
export function errorMessage(error: CombinedError | undefined): string {
	if (!error) return '';
	if (error.graphQLErrors.length > 0) {
		return [...new Set(error.graphQLErrors.map((e) => e.message))].join(' ');
	}
	if (error.networkError) return 'Cannot reach the server. Check your connection and try again.';
	return error.message.replace(/^\[\w+\]\s*/, '');
}

export function hasErrorCode(error: CombinedError | undefined, code: string): boolean {
	return Boolean(error?.graphQLErrors.some((e) => e.extensions?.code === code));
}
