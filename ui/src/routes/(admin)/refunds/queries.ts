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
		source
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
		completedAt
		createdAt
	}
`);

// Money inline here: the Refunds list nests these fragments, and each spread counts as a level
// of depth against the query limits (api/core/query-limits.ts).
/** What a decision needs to say what will happen: the sale's money, provider and voucher. */
export const RefundSaleFields = graphql(`
	fragment RefundSaleFields on Transaction {
		id
		reference
		fullName
		phoneNumber
		provider
		status
		amount {
			amountMinor
			currency
			formatted
		}
		refundedAmount {
			amountMinor
			currency
			formatted
		}
		voucher {
			id
			username
			status
		}
	}
`);

export const RefundsDoc = graphql(`
	query Refunds($first: Int, $after: String, $filter: RefundFilter) {
		refunds(first: $first, after: $after, filter: $filter) {
			totalCount
			pageInfo {
				...PageInfoFields
			}
			edges {
				node {
					...RefundRowFields
					transaction {
						...RefundSaleFields
					}
				}
			}
		}
	}
`);

export const RefundSummaryDoc = graphql(`
	query RefundSummary {
		refundSummary {
			pendingCount
			pendingAmount {
				amountMinor
				currency
				formatted
			}
			failedCount
			refundedToday {
				amountMinor
				currency
				formatted
			}
			refundedTodayCount
			refundedThisWeek {
				amountMinor
				currency
				formatted
			}
			refundedThisWeekCount
		}
	}
`);

export const ApproveRefundDoc = graphql(`
	mutation ApproveRefund($id: ID!, $note: String) {
		approveRefund(id: $id, note: $note) {
			...RefundRowFields
		}
	}
`);

export const RejectRefundDoc = graphql(`
	mutation RejectRefund($id: ID!, $note: String!) {
		rejectRefund(id: $id, note: $note) {
			...RefundRowFields
		}
	}
`);

export const RetryRefundDoc = graphql(`
	mutation RetryRefund($id: ID!) {
		retryRefund(id: $id) {
			...RefundRowFields
		}
	}
`);

export const RequestRefundDoc = graphql(`
	mutation RequestRefund($input: RequestRefundInput!) {
		requestRefund(input: $input) {
			...RefundRowFields
		}
	}
`);
