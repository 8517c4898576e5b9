import { graphql } from '$lib/graphql/generated';

export const VoucherRowFields = graphql(`
	fragment VoucherRowFields on Voucher {
		id
		username
		password
		status
		provisioning
		provisioningError
		expiresAt
		reservedUntil
		printedAt
		createdAt
		allocation {
			id
			name
			code
		}
		transaction {
			id
			reference
			fullName
		}
		usage {
			...VoucherUsageFields
		}
	}
`);

export const VouchersDoc = graphql(`
	query Vouchers($first: Int, $after: String, $filter: VoucherFilter) {
		vouchers(first: $first, after: $after, filter: $filter) {
			totalCount
			pageInfo {
				...PageInfoFields
			}
			edges {
				node {
					...VoucherRowFields
				}
			}
		}
	}
`);

export const GenerateVouchersDoc = graphql(`
	mutation GenerateVouchers($input: GenerateVouchersInput!) {
		generateVouchers(input: $input) {
			count
		}
	}
`);

export const ImportVouchersDoc = graphql(`
	mutation ImportVouchers($input: ImportVouchersInput!) {
		importVouchers(input: $input) {
			imported
			skipped
		}
	}
`);

export const DisableVoucherDoc = graphql(`
	mutation DisableVoucher($id: ID!) {
		disableVoucher(id: $id) {
			id
			status
			provisioning
		}
	}
`);

export const RouterOptionsDoc = graphql(`
	query RouterOptions {
		routers {
			id
			name
			host
			status
			isDefault
		}
	}
`);

export const SellPrintedVoucherDoc = graphql(`
	mutation SellPrintedVoucher($input: SellPrintedVoucherInput!) {
		sellPrintedVoucher(input: $input) {
			id
			reference
			status
			amount {
				...MoneyFields
			}
			allocation {
				id
				name
			}
			voucher {
				id
				username
			}
		}
	}
`);

export const VoucherStockDoc = graphql(`
	query VoucherStock {
		allocations(includeInactive: true) {
			id
			name
			active
			stock {
				...VoucherStockFields
			}
		}
	}
`);
