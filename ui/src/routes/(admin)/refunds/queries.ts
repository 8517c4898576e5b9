import { graphql } from '$lib/graphql/generated';

export const RefundRowFields = graphql(`
	fragment RefundRowFields on Refund {
		id
		amount {
			...MoneyFields
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
			...MoneyFields
		}
		refundedAmount {
			...MoneyFields
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
				...MoneyFields
			}
			failedCount
			refundedToday {
				...MoneyFields
			}
			refundedTodayCount
			refundedThisWeek {
				...MoneyFields
			}
			refundedThisWeekCount
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
