import { graphql } from '$lib/graphql/generated';

export const AllocationFields = graphql(`
	fragment AllocationFields on Allocation {
		...AllocationOfferFields
		code
		routerProfile
		sharedUsers
		active
		createdAt
		updatedAt
		stock {
			...VoucherStockFields
		}
	}
`);

export const AllocationsDoc = graphql(`
	query Allocations($includeInactive: Boolean) {
		allocations(includeInactive: $includeInactive) {
			...AllocationFields
		}
	}
`);

export const CreateAllocationDoc = graphql(`
	mutation CreateAllocation($input: AllocationInput!) {
		createAllocation(input: $input) {
			...AllocationFields
		}
	}
`);

export const UpdateAllocationDoc = graphql(`
	mutation UpdateAllocation($id: ID!, $input: AllocationInput!) {
		updateAllocation(id: $id, input: $input) {
			...AllocationFields
		}
	}
`);

export const DeleteAllocationDoc = graphql(`
	mutation DeleteAllocation($id: ID!) {
		deleteAllocation(id: $id)
	}
`);
