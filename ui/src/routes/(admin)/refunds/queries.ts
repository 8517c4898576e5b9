import { graphql } from '$lib/graphql/generated';

export const RefundRowFields = graphql(`
	fragment RefundRowFields on Refund {
		id
		amount {
			amountMinor
			currency
			formatted
		}
		reason
		status
		requestedBy {
			id
			username
		}
		decidedBy {
			id
			username
		}
		decidedAt
		decisionNote
		providerReference
		failureReason
		createdAt
	}
`);

export const RefundsDoc = graphql(`
	query Refunds($first: Int, $after: String, $filter: RefundFilter) {
		refunds(first: $first, after: $after, filter: $filter) {
			totalCount
			pageInfo {
				hasNextPage
				endCursor
			}
			edges {
				cursor
				node {
					...RefundRowFields
					transaction {
						id
						reference
						fullName
					}
				}
			}
		}
	}
`);

export const RefundSavedDoc = graphql(`
	subscription RefundSaved {
		modelSaved(models: ["Refund"]) {
			sequence
			recordId
		}
	}
`);
