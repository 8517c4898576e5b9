// A GraphQL multipart request (the upload spec) with upload progress: fetch cannot report how
// much of a request body has been sent, XMLHttpRequest can. Used for backup files.
import { stringifyDocument, type TypedDocumentNode } from '@urql/core';
import type { GraphQLFormattedError } from 'graphql';

export type UploadResult<Data> = { data?: Data; error?: string; code?: string };

/**
 * Sends `file` as `variables.file` of the operation. `onProgress` gets 0..1 while the body
 * goes up; the promise settles once the server has answered (the work happens after the upload).
 */
export function uploadOperation<Data, Vars extends { file?: unknown }>(
	document: TypedDocumentNode<Data, Vars>,
	variables: Omit<Vars, 'file'>,
	file: File,
	onProgress: (fraction: number) => void
): Promise<UploadResult<Data>> {
	const form = new FormData();
	form.set('operations', JSON.stringify({ query: stringifyDocument(document), variables: { ...variables, file: null } }));
	form.set('map', JSON.stringify({ 0: ['variables.file'] }));
	form.set('0', file, file.name);
	return new Promise((resolve) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', '/graphql');
		xhr.withCredentials = true;
		// The CSRF rule: a cookie-authenticated request must carry this header.
		xhr.setRequestHeader('x-graphql-yoga-csrf', '1');
		xhr.upload.onprogress = (e) => {
			if (e.lengthComputable) onProgress(e.loaded / e.total);
		};
		xhr.upload.onload = () => onProgress(1);
		xhr.onerror = () => resolve({ error: 'Cannot reach the server. Check your connection and try again.' });
		xhr.onabort = () => resolve({ error: 'The upload was cancelled.' });
		xhr.onload = () => {
			let body: { data?: Data | null; errors?: GraphQLFormattedError[] } | undefined;
			try {
				body = JSON.parse(xhr.responseText);
			} catch {
				return resolve({ error: `The server answered ${xhr.status} without a readable message. Try again.` });
			}
			const first = body?.errors?.[0];
			if (first) return resolve({ error: [...new Set(body!.errors!.map((e) => e.message))].join(' '), code: String(first.extensions?.code ?? '') });
			resolve({ data: body?.data ?? undefined });
		};
		xhr.send(form);
	});
}
