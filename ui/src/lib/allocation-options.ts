import { graphql } from '$lib/graphql/generated';

/** Every bundle, for filter and form selects. */
export const AllocationOptionsDoc = graphql(`
	query AllocationOptions {
		allocations(includeInactive: true) {
			id
			name
			code
			active
			price {
				...MoneyFields
			}
		}
	}
`);
