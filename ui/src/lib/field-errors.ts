// Field-level errors: a form knows its problems per field (named as the GraphQL input field,
// e.g. phoneNumber) and marks each on its input (aria-invalid + the message under it, see
// components/field-error.svelte). The server says which field it refused in
// extensions.field; mutate() returns it as `field`.

export type FieldErrors = Partial<Record<string, string>>;
export type ServerError = { message: string; field?: string } | null;

/** A form's own checks (once it has been submitted) with the server's answer on top. */
export function fieldErrors(local: Record<string, string | false | null | undefined>, touched: boolean, server: ServerError): FieldErrors {
	const errors: FieldErrors = {};
	if (touched) for (const [field, message] of Object.entries(local)) if (message) errors[field] = message;
	if (server?.field) errors[server.field] = server.message;
	return errors;
}

/** The server's error when it names no field (shown above the buttons instead). */
export function formError(server: ServerError): string {
	return server && !server.field ? server.message : '';
}

/** "input.phoneNumber" -> "phoneNumber". */
export function fieldName(path: unknown): string | undefined {
	return typeof path === 'string' && path ? path.split('.').pop() : undefined;
}
