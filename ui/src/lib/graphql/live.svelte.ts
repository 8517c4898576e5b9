// Live refresh for a page: refetch, at most once per `ms`, whenever a row of one of the
// page's models is saved (modelSaved), and with `deleted` also when one is deleted
// (modelDeleted). One subscription document for every page; the models are its variables.
import { graphql } from './generated';
import type { ModelChangeFieldsFragment } from './generated/graphql';
import { throttle, useSubscription } from './operation.svelte';

graphql(`
	fragment ModelChangeFields on ModelEvent {
		sequence
		model
		recordId
		action
	}
`);

const ModelSavedDoc = graphql(`
	subscription ModelSaved($models: [String!]) {
		modelSaved(models: $models) {
			...ModelChangeFields
		}
	}
`);

const ModelDeletedDoc = graphql(`
	subscription ModelDeleted($models: [String!]) {
		modelDeleted(models: $models) {
			...ModelChangeFields
		}
	}
`);

export type ModelChange = ModelChangeFieldsFragment;

export type ModelRefreshOptions = {
	/** Also refetch when a row of these models is deleted. */
	deleted?: boolean;
	pause?: () => boolean;
	/** Refetch only for the events this accepts (default: every event). */
	when?: (event: ModelChange) => boolean;
};

export function useModelRefresh(models: readonly string[], refetch: () => unknown, ms: number, options: ModelRefreshOptions = {}): void {
	const refresh = throttle(() => void refetch(), ms);
	const onEvent = (event: ModelChange) => {
		if (!options.when || options.when(event)) refresh();
	};
	const variables = () => ({ models: [...models] });
	useSubscription(ModelSavedDoc, variables, (data) => onEvent(data.modelSaved), { pause: options.pause });
	if (options.deleted) useSubscription(ModelDeletedDoc, variables, (data) => onEvent(data.modelDeleted), { pause: options.pause });
}
