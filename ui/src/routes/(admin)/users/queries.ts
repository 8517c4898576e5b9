import { graphql } from '$lib/graphql/generated';

export const UsersDoc = graphql(`
	query Users {
		users {
			id
			username
			email
			phoneNumber
			role
			createdAt
		}
	}
`);

export const CreateUserDoc = graphql(`
	mutation CreateUser($input: CreateUserInput!) {
		createUser(input: $input) {
			id
			username
		}
	}
`);

export const DeleteUserDoc = graphql(`
	mutation DeleteUser($id: ID!) {
		deleteUser(id: $id)
	}
`);

export const ApiKeysDoc = graphql(`
	query ApiKeys {
		apiKeys {
			id
			name
			role
			prefix
			createdAt
			lastUsedAt
			revokedAt
		}
	}
`);

export const CreateApiKeyDoc = graphql(`
	mutation CreateApiKey($name: String!, $role: Role!) {
		createApiKey(input: { name: $name, role: $role }) {
			key
			apiKey {
				id
				name
			}
		}
	}
`);

export const RevokeApiKeyDoc = graphql(`
	mutation RevokeApiKey($id: ID!) {
		revokeApiKey(id: $id) {
			id
			revokedAt
		}
	}
`);
