import { graphql } from '$lib/graphql/generated';

export const RoutersDoc = graphql(`
	query Routers {
		routers {
			id
			name
			host
			port
			tls
			username
			hotspotServer
			isDefault
			status
			lastSeenAt
			lastError
			identity
			version
		}
	}
`);
