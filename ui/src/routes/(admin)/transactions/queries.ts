import { graphql } from '$lib/graphql/generated';

export const TransactionRowFields = graphql(`
	fragment TransactionRowFields on Transaction {
		id
		reference
		fullName
		phoneNumber
		network
		allocation {
			id
			name
		}
		amount {
			...MoneyFields
		}
		status
		provider
		providerReference
		voucherDelivered
		voucher {
			id
			username
		}
		createdAt
		paidAt
	}
`);

export const TransactionsDoc = graphql(`
	query Transactions($first: Int, $after: String, $filter: TransactionFilter) {
		transactions(first: $first, after: $after, filter: $filter) {
			totalCount
			pageInfo {
				...PageInfoFields
			}
			edges {
				node {
					...TransactionRowFields
				}
			}
		}
	}
`);

export const PurchaseDoc = graphql(`
	mutation Purchase($input: PurchaseInput!) {
		purchase(input: $input) {
			instructions
			transaction {
				id
				reference
				status
			}
		}
	}
`);

export const ConfirmPaymentDoc = graphql(`
	mutation ConfirmPayment($input: ConfirmPaymentInput!) {
		confirmPayment(input: $input) {
			id
			reference
			status
			failureReason
			voucher {
				id
				username
				password
			}
		}
	}
`);

export const TransactionTotalsDoc = graphql(`
	query TransactionTotals($filter: TransactionFilter, $money: Boolean!) {
		transactionTotals(filter: $filter) {
			count
			paidCount
			gross @include(if: $money) {
				...MoneyFields
			}
			refunded @include(if: $money) {
				...MoneyFields
			}
			net @include(if: $money) {
				...MoneyFields
			}
		}
	}
`);
