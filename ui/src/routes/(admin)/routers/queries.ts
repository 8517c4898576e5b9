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

export const RouterSavedDoc = graphql(`
	subscription RouterSaved {
		modelSaved(models: ["Router"]) {
			sequence
			recordId
		}
	}
`);

export const RouterDeletedDoc = graphql(`
	subscription RouterDeleted {
		modelDeleted(models: ["Router"]) {
			sequence
			recordId
		}
	}
`);
