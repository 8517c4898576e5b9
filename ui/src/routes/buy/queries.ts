import { graphql } from '$lib/graphql/generated';

export const BuyAllocationsDoc = graphql(`
	query BuyAllocations {
		allocations {
			...AllocationOfferFields
		}
	}
`);

export const BuyTransactionFields = graphql(`
	fragment BuyTransactionFields on Transaction {
		id
		reference
		status
		fullName
		phoneNumber
		failureReason
		voucherDelivered
		paidAt
		createdAt
		amount {
			amountMinor
			currency
			formatted
		}
		allocation {
			id
			name
			dataLimitMb
			uptimeLimit
			validityHours
		}
		voucher {
			id
			username
			password
			expiresAt
		}
	}
`);

export const BuyPurchaseDoc = graphql(`
	mutation BuyPurchase($input: PurchaseInput!) {
		purchase(input: $input) {
			instructions
			transaction {
				...BuyTransactionFields
			}
		}
	}
`);

export const TransactionByReferenceDoc = graphql(`
	query TransactionByReference($reference: String!) {
		transactionByReference(reference: $reference) {
			...BuyTransactionFields
		}
	}
`);

export const BuyAppInfoDoc = graphql(`
	query BuyAppInfo {
		appInfo {
			hotspotLoginUrl
			paymentProvider
			timeZone
			shopName
			receiptFooter
		}
	}
`);

export const ReportProblemDoc = graphql(`
	mutation ReportProblem($reference: String!, $message: String!) {
		reportProblem(reference: $reference, message: $message) {
			message
			alreadyOpen
		}
	}
`);
