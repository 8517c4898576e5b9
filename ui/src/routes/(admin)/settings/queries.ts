import { graphql } from '$lib/graphql/generated';

export const ShopSettingsFields = graphql(`
	fragment ShopSettingsFields on ShopSettings {
		shopName
		timeZone
		hotspotLoginUrl
		smsSender
		receiptFooter
		cardsPerPage
		cardsPerPageChoices
		fields {
			key
			label
			environmentVariable
			source
			value
			environmentDefault
			updatedAt
		}
	}
`);

export const ShopSettingsDoc = graphql(`
	query ShopSettings {
		shopSettings {
			...ShopSettingsFields
		}
	}
`);

export const UpdateShopSettingsDoc = graphql(`
	mutation UpdateShopSettings($input: UpdateShopSettingsInput!) {
		updateShopSettings(input: $input) {
			...ShopSettingsFields
		}
	}
`);
