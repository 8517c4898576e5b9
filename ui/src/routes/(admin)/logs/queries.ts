import { graphql } from '$lib/graphql/generated';

export const LogEntryFields = graphql(`
	fragment LogEntryFields on LogEntry {
		id
		sequence
		at
		kind
		level
		model
		recordId
		message
		actor {
			id
			username
		}
		actorLabel
		requestId
		data
	}
`);

export const LogsDoc = graphql(`
	query Logs($first: Int, $after: String, $filter: LogFilter) {
		logs(first: $first, after: $after, filter: $filter) {
			pageInfo {
				...PageInfoFields
			}
			edges {
				node {
					...LogEntryFields
				}
			}
		}
	}
`);

export const LogAddedDoc = graphql(`
	subscription LogAdded($filter: LogFilter, $since: Int) {
		logAdded(filter: $filter, since: $since) {
			...LogEntryFields
		}
	}
`);
