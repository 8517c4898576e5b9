import { graphql } from '$lib/graphql/generated';

export const CashUpRowFields = graphql(`
	fragment CashUpRowFields on CashUpRow {
		day
		staffId
		staffName
		provider
		count
		gross {
			...MoneyFields
		}
		refunded {
			...MoneyFields
		}
		net {
			...MoneyFields
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
