import { graphql } from '$lib/graphql/generated';

/** The shop's zone, which the date presets are computed in. */
export const DashboardZoneDoc = graphql(`
	query DashboardZone {
		dashboard {
			timeZone
		}
	}
`);

// Money fields only with $money: staff are refused them (FORBIDDEN), so the page never asks.
export const DashboardDoc = graphql(`
	query Dashboard($from: DateTime, $to: DateTime, $granularity: Granularity!, $money: Boolean!) {
		dashboard(from: $from, to: $to) {
			from
			to
			timeZone
			sales
			refunds
			refundRate
			newCustomers
			repeatSales
			vouchersAvailable
			revenue @include(if: $money) { amountMinor currency }
			refundedAmount @include(if: $money) { amountMinor currency }
			averageSale @include(if: $money) { amountMinor currency }
			previousPeriod {
				sales
				refunds
				newCustomers
				revenue @include(if: $money) { amountMinor }
				refundedAmount @include(if: $money) { amountMinor }
			}
			today { sales revenue @include(if: $money) { amountMinor } }
			yesterday { sales revenue @include(if: $money) { amountMinor } }
			thisWeek { sales revenue @include(if: $money) { amountMinor } }
			lastWeek { sales revenue @include(if: $money) { amountMinor } }
			series(granularity: $granularity) {
				bucket
				sales
				refunds
				newCustomers
				revenue @include(if: $money) { amountMinor }
				refundedAmount @include(if: $money) { amountMinor }
			}
			salesByAllocation { allocation { id name } sales refunds revenue @include(if: $money) { amountMinor } }
			salesByHour { hour sales revenue @include(if: $money) { amountMinor } }
			providerSplit { provider sales revenue @include(if: $money) { amountMinor } }
			stock { allocation { id name active } available reserved sold soldLast7Days daysLeft warning }
		}
	}
`);
