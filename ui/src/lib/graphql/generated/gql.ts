/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n\tquery Me {\n\t\tme {\n\t\t\tid\n\t\t\tusername\n\t\t\trole\n\t\t\temail\n\t\t}\n\t}\n": typeof types.MeDocument,
    "\n\t\tmutation Logout {\n\t\t\tlogout\n\t\t}\n\t": typeof types.LogoutDocument,
    "\n\tfragment AllocationFields on Allocation {\n\t\tid\n\t\tcode\n\t\tname\n\t\tprice {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tdataLimitMb\n\t\tuptimeLimit\n\t\tvalidityHours\n\t\trouterProfile\n\t\tactive\n\t\tcreatedAt\n\t\tupdatedAt\n\t}\n": typeof types.AllocationFieldsFragmentDoc,
    "\n\tquery Allocations($includeInactive: Boolean) {\n\t\tallocations(includeInactive: $includeInactive) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n": typeof types.AllocationsDocument,
    "\n\tmutation CreateAllocation($input: AllocationInput!) {\n\t\tcreateAllocation(input: $input) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n": typeof types.CreateAllocationDocument,
    "\n\tmutation UpdateAllocation($id: ID!, $input: AllocationInput!) {\n\t\tupdateAllocation(id: $id, input: $input) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n": typeof types.UpdateAllocationDocument,
    "\n\tmutation DeleteAllocation($id: ID!) {\n\t\tdeleteAllocation(id: $id)\n\t}\n": typeof types.DeleteAllocationDocument,
    "\n\tsubscription AllocationSaved {\n\t\tmodelSaved(models: [\"Allocation\"]) {\n\t\t\tsequence\n\t\t\trecordId\n\t\t\taction\n\t\t}\n\t}\n": typeof types.AllocationSavedDocument,
    "\n\tsubscription AllocationDeleted {\n\t\tmodelDeleted(models: [\"Allocation\"]) {\n\t\t\tsequence\n\t\t\trecordId\n\t\t}\n\t}\n": typeof types.AllocationDeletedDocument,
    "\n\t\tmutation Login($username: String!, $password: String!) {\n\t\t\tlogin(username: $username, password: $password) {\n\t\t\t\ttoken\n\t\t\t\tuser {\n\t\t\t\t\tid\n\t\t\t\t\tusername\n\t\t\t\t\trole\n\t\t\t\t\temail\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t": typeof types.LoginDocument,
};
const documents: Documents = {
    "\n\tquery Me {\n\t\tme {\n\t\t\tid\n\t\t\tusername\n\t\t\trole\n\t\t\temail\n\t\t}\n\t}\n": types.MeDocument,
    "\n\t\tmutation Logout {\n\t\t\tlogout\n\t\t}\n\t": types.LogoutDocument,
    "\n\tfragment AllocationFields on Allocation {\n\t\tid\n\t\tcode\n\t\tname\n\t\tprice {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tdataLimitMb\n\t\tuptimeLimit\n\t\tvalidityHours\n\t\trouterProfile\n\t\tactive\n\t\tcreatedAt\n\t\tupdatedAt\n\t}\n": types.AllocationFieldsFragmentDoc,
    "\n\tquery Allocations($includeInactive: Boolean) {\n\t\tallocations(includeInactive: $includeInactive) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n": types.AllocationsDocument,
    "\n\tmutation CreateAllocation($input: AllocationInput!) {\n\t\tcreateAllocation(input: $input) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n": types.CreateAllocationDocument,
    "\n\tmutation UpdateAllocation($id: ID!, $input: AllocationInput!) {\n\t\tupdateAllocation(id: $id, input: $input) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n": types.UpdateAllocationDocument,
    "\n\tmutation DeleteAllocation($id: ID!) {\n\t\tdeleteAllocation(id: $id)\n\t}\n": types.DeleteAllocationDocument,
    "\n\tsubscription AllocationSaved {\n\t\tmodelSaved(models: [\"Allocation\"]) {\n\t\t\tsequence\n\t\t\trecordId\n\t\t\taction\n\t\t}\n\t}\n": types.AllocationSavedDocument,
    "\n\tsubscription AllocationDeleted {\n\t\tmodelDeleted(models: [\"Allocation\"]) {\n\t\t\tsequence\n\t\t\trecordId\n\t\t}\n\t}\n": types.AllocationDeletedDocument,
    "\n\t\tmutation Login($username: String!, $password: String!) {\n\t\t\tlogin(username: $username, password: $password) {\n\t\t\t\ttoken\n\t\t\t\tuser {\n\t\t\t\t\tid\n\t\t\t\t\tusername\n\t\t\t\t\trole\n\t\t\t\t\temail\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t": types.LoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery Me {\n\t\tme {\n\t\t\tid\n\t\t\tusername\n\t\t\trole\n\t\t\temail\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery Me {\n\t\tme {\n\t\t\tid\n\t\t\tusername\n\t\t\trole\n\t\t\temail\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\t\tmutation Logout {\n\t\t\tlogout\n\t\t}\n\t"): (typeof documents)["\n\t\tmutation Logout {\n\t\t\tlogout\n\t\t}\n\t"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment AllocationFields on Allocation {\n\t\tid\n\t\tcode\n\t\tname\n\t\tprice {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tdataLimitMb\n\t\tuptimeLimit\n\t\tvalidityHours\n\t\trouterProfile\n\t\tactive\n\t\tcreatedAt\n\t\tupdatedAt\n\t}\n"): (typeof documents)["\n\tfragment AllocationFields on Allocation {\n\t\tid\n\t\tcode\n\t\tname\n\t\tprice {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tdataLimitMb\n\t\tuptimeLimit\n\t\tvalidityHours\n\t\trouterProfile\n\t\tactive\n\t\tcreatedAt\n\t\tupdatedAt\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery Allocations($includeInactive: Boolean) {\n\t\tallocations(includeInactive: $includeInactive) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery Allocations($includeInactive: Boolean) {\n\t\tallocations(includeInactive: $includeInactive) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation CreateAllocation($input: AllocationInput!) {\n\t\tcreateAllocation(input: $input) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation CreateAllocation($input: AllocationInput!) {\n\t\tcreateAllocation(input: $input) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation UpdateAllocation($id: ID!, $input: AllocationInput!) {\n\t\tupdateAllocation(id: $id, input: $input) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation UpdateAllocation($id: ID!, $input: AllocationInput!) {\n\t\tupdateAllocation(id: $id, input: $input) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation DeleteAllocation($id: ID!) {\n\t\tdeleteAllocation(id: $id)\n\t}\n"): (typeof documents)["\n\tmutation DeleteAllocation($id: ID!) {\n\t\tdeleteAllocation(id: $id)\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tsubscription AllocationSaved {\n\t\tmodelSaved(models: [\"Allocation\"]) {\n\t\t\tsequence\n\t\t\trecordId\n\t\t\taction\n\t\t}\n\t}\n"): (typeof documents)["\n\tsubscription AllocationSaved {\n\t\tmodelSaved(models: [\"Allocation\"]) {\n\t\t\tsequence\n\t\t\trecordId\n\t\t\taction\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tsubscription AllocationDeleted {\n\t\tmodelDeleted(models: [\"Allocation\"]) {\n\t\t\tsequence\n\t\t\trecordId\n\t\t}\n\t}\n"): (typeof documents)["\n\tsubscription AllocationDeleted {\n\t\tmodelDeleted(models: [\"Allocation\"]) {\n\t\t\tsequence\n\t\t\trecordId\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\t\tmutation Login($username: String!, $password: String!) {\n\t\t\tlogin(username: $username, password: $password) {\n\t\t\t\ttoken\n\t\t\t\tuser {\n\t\t\t\t\tid\n\t\t\t\t\tusername\n\t\t\t\t\trole\n\t\t\t\t\temail\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t"): (typeof documents)["\n\t\tmutation Login($username: String!, $password: String!) {\n\t\t\tlogin(username: $username, password: $password) {\n\t\t\t\ttoken\n\t\t\t\tuser {\n\t\t\t\t\tid\n\t\t\t\t\tusername\n\t\t\t\t\trole\n\t\t\t\t\temail\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;