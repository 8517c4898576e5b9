import { graphql } from '$lib/graphql/generated';

export const CashUpRowFields = graphql(`
	fragment CashUpRowFields on CashUpRow {
		day
		staffId
		staffName
		provider
		count
		gross {
			amountMinor
			currency
			formatted
		}
		refunded {
			amountMinor
			currency
			formatted
		}
		net {
			amountMinor
			currency
			formatted
		}
	}
`);

export const CashUpDoc = graphql(`
	query CashUp($from: String!, $to: String!) {
		cashUp(from: $from, to: $to) {
			from
			to
			timeZone
			staffId
			total {
				...CashUpRowFields
			}
			days {
				...CashUpRowFields
			}
			staff {
				...CashUpRowFields
			}
			providers {
				...CashUpRowFields
			}
			lines {
				...CashUpRowFields
			}
		}
	}
`);
