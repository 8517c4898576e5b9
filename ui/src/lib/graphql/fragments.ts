// Selections every page asks for the same way: one fragment each, spread where they are used.
import { graphql } from '$lib/graphql/generated';

/** An amount of money as every page shows it (Money.formatted) and computes with it (minor units). */
export const MoneyFields = graphql(`
	fragment MoneyFields on Money {
		amountMinor
		currency
		formatted
	}
`);

/** What a forward-paged list (lib/pager.svelte.ts) needs of a connection's page. */
export const PageInfoFields = graphql(`
	fragment PageInfoFields on PageInfo {
		hasNextPage
		endCursor
	}
`);

/** A voucher's use as last read from its router. */
export const VoucherUsageFields = graphql(`
	fragment VoucherUsageFields on VoucherUsage {
		bytesIn
		bytesOut
		uptime
		syncedAt
	}
`);

/** What a page shows of a package's offer: the public /buy list (BuyAllocations: depth 4 of the
 * anonymous 7 with this spread) and the voucher page. Money inline: each fragment spread counts
 * as a level of depth against the query limits (api/core/query-limits.ts). */
export const AllocationOfferFields = graphql(`
	fragment AllocationOfferFields on Allocation {
		id
		name
		price {
			amountMinor
			currency
			formatted
		}
		dataLimitMb
		uptimeLimit
		validityHours
	}
`);

/** A bundle's voucher counts, as the Bundles and Vouchers pages show them. */
export const VoucherStockFields = graphql(`
	fragment VoucherStockFields on VoucherStock {
		available
		reserved
		printed
		sold
	}
`);
