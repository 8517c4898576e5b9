import { graphql } from '$lib/graphql/generated';

export const PrintCardFields = graphql(`
	fragment PrintCardFields on Voucher {
		id
		username
		password
		status
		allocation {
			name
			dataLimitMb
			uptimeLimit
			validityHours
			price {
				...MoneyFields
			}
		}
	}
`);

export const PrintBatchFields = graphql(`
	fragment PrintBatchFields on PrintBatch {
		id
		count
		unsold
		createdAt
		printedBy {
			username
		}
		allocation {
			id
			name
		}
	}
`);

export const PrintVouchersDoc = graphql(`
	mutation PrintVouchers($input: PrintVouchersInput!) {
		printVouchers(input: $input) {
			...PrintBatchFields
			vouchers {
				...PrintCardFields
			}
		}
	}
`);

export const PrintBatchDoc = graphql(`
	query PrintBatch($id: ID!) {
		printBatch(id: $id) {
			...PrintBatchFields
			vouchers {
				...PrintCardFields
			}
		}
	}
`);

export const RecentBatchesDoc = graphql(`
	query RecentPrintBatches {
		printBatches(first: 12) {
			...PrintBatchFields
		}
	}
`);

export const PrintStockDoc = graphql(`
	query PrintStock {
		allocations(includeInactive: true) {
			id
			stock {
				available
			}
		}
	}
`);
