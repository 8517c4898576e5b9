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
    "\n\tquery AllocationOptions {\n\t\tallocations(includeInactive: true) {\n\t\t\tid\n\t\t\tname\n\t\t\tcode\n\t\t\tactive\n\t\t\tprice {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t}\n\t}\n": typeof types.AllocationOptionsDocument,
    "\n\tquery AppInfo {\n\t\tappInfo {\n\t\t\tcurrency\n\t\t\tpaymentProvider\n\t\t\thotspotLoginUrl\n\t\t\ttimeZone\n\t\t\tshopName\n\t\t\treceiptFooter\n\t\t\tcardsPerPage\n\t\t}\n\t}\n": typeof types.AppInfoDocument,
    "\n\tquery DashboardZone {\n\t\tdashboard {\n\t\t\ttimeZone\n\t\t}\n\t}\n": typeof types.DashboardZoneDocument,
    "\n\tquery Dashboard($from: DateTime, $to: DateTime, $granularity: Granularity!, $money: Boolean!) {\n\t\tdashboard(from: $from, to: $to) {\n\t\t\tfrom\n\t\t\tto\n\t\t\ttimeZone\n\t\t\tsales\n\t\t\trefunds\n\t\t\trefundRate\n\t\t\tnewCustomers\n\t\t\trepeatSales\n\t\t\tvouchersAvailable\n\t\t\trevenue @include(if: $money) { amountMinor currency }\n\t\t\trefundedAmount @include(if: $money) { amountMinor currency }\n\t\t\taverageSale @include(if: $money) { amountMinor currency }\n\t\t\tpreviousPeriod {\n\t\t\t\tsales\n\t\t\t\trefunds\n\t\t\t\tnewCustomers\n\t\t\t\trevenue @include(if: $money) { amountMinor }\n\t\t\t\trefundedAmount @include(if: $money) { amountMinor }\n\t\t\t}\n\t\t\ttoday { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tyesterday { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tthisWeek { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tlastWeek { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tseries(granularity: $granularity) {\n\t\t\t\tbucket\n\t\t\t\tsales\n\t\t\t\trefunds\n\t\t\t\tnewCustomers\n\t\t\t\trevenue @include(if: $money) { amountMinor }\n\t\t\t\trefundedAmount @include(if: $money) { amountMinor }\n\t\t\t}\n\t\t\tsalesByAllocation { allocation { id name } sales refunds revenue @include(if: $money) { amountMinor } }\n\t\t\tsalesByHour { hour sales revenue @include(if: $money) { amountMinor } }\n\t\t\tproviderSplit { provider sales revenue @include(if: $money) { amountMinor } }\n\t\t\tstock { allocation { id name active } available reserved sold soldLast7Days daysLeft warning }\n\t\t}\n\t}\n": typeof types.DashboardDocument,
    "\n\tfragment MoneyFields on Money {\n\t\tamountMinor\n\t\tcurrency\n\t\tformatted\n\t}\n": typeof types.MoneyFieldsFragmentDoc,
    "\n\tfragment PageInfoFields on PageInfo {\n\t\thasNextPage\n\t\tendCursor\n\t}\n": typeof types.PageInfoFieldsFragmentDoc,
    "\n\tfragment VoucherUsageFields on VoucherUsage {\n\t\tbytesIn\n\t\tbytesOut\n\t\tuptime\n\t\tsyncedAt\n\t}\n": typeof types.VoucherUsageFieldsFragmentDoc,
    "\n\tfragment AllocationOfferFields on Allocation {\n\t\tid\n\t\tname\n\t\tprice {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tdataLimitMb\n\t\tuptimeLimit\n\t\tvalidityHours\n\t}\n": typeof types.AllocationOfferFieldsFragmentDoc,
    "\n\tfragment VoucherStockFields on VoucherStock {\n\t\tavailable\n\t\treserved\n\t\tprinted\n\t\tsold\n\t}\n": typeof types.VoucherStockFieldsFragmentDoc,
    "\n\tfragment ModelChangeFields on ModelEvent {\n\t\tsequence\n\t\tmodel\n\t\trecordId\n\t\taction\n\t}\n": typeof types.ModelChangeFieldsFragmentDoc,
    "\n\tsubscription ModelSaved($models: [String!]) {\n\t\tmodelSaved(models: $models) {\n\t\t\t...ModelChangeFields\n\t\t}\n\t}\n": typeof types.ModelSavedDocument,
    "\n\tsubscription ModelDeleted($models: [String!]) {\n\t\tmodelDeleted(models: $models) {\n\t\t\t...ModelChangeFields\n\t\t}\n\t}\n": typeof types.ModelDeletedDocument,
    "\n\tquery Me {\n\t\tme {\n\t\t\tid\n\t\t\tusername\n\t\t\trole\n\t\t\temail\n\t\t}\n\t}\n": typeof types.MeDocument,
    "\n\t\tmutation Logout {\n\t\t\tlogout\n\t\t}\n\t": typeof types.LogoutDocument,
    "\n\tfragment AllocationFields on Allocation {\n\t\t...AllocationOfferFields\n\t\tcode\n\t\trouterProfile\n\t\tsharedUsers\n\t\tactive\n\t\tcreatedAt\n\t\tupdatedAt\n\t\tstock {\n\t\t\t...VoucherStockFields\n\t\t}\n\t}\n": typeof types.AllocationFieldsFragmentDoc,
    "\n\tquery Allocations($includeInactive: Boolean) {\n\t\tallocations(includeInactive: $includeInactive) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n": typeof types.AllocationsDocument,
    "\n\tmutation CreateAllocation($input: AllocationInput!) {\n\t\tcreateAllocation(input: $input) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n": typeof types.CreateAllocationDocument,
    "\n\tmutation UpdateAllocation($id: ID!, $input: AllocationInput!) {\n\t\tupdateAllocation(id: $id, input: $input) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n": typeof types.UpdateAllocationDocument,
    "\n\tmutation DeleteAllocation($id: ID!) {\n\t\tdeleteAllocation(id: $id)\n\t}\n": typeof types.DeleteAllocationDocument,
    "\n\tquery Backups($first: Int) {\n\t\tbackups(first: $first) {\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\tid\n\t\t\t\t\tcreatedAt\n\t\t\t\t\tfinishedAt\n\t\t\t\t\tformat\n\t\t\t\t\ttrigger\n\t\t\t\t\tsizeBytes\n\t\t\t\t\tsequence\n\t\t\t\t\trows\n\t\t\t\t\ttables {\n\t\t\t\t\t\ttable\n\t\t\t\t\t\trows\n\t\t\t\t\t}\n\t\t\t\t\tdownloadUrl\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t\tbackupSettings {\n\t\t\tschedule\n\t\t\tscheduleFormat\n\t\t\ttimeZone\n\t\t\tnextRunAt\n\t\t\tkeep\n\t\t\tkeepDays\n\t\t\tmaxUploadBytes\n\t\t}\n\t}\n": typeof types.BackupsDocument,
    "\n\tmutation CreateBackup($format: BackupFormat) {\n\t\tcreateBackup(format: $format) {\n\t\t\tid\n\t\t}\n\t}\n": typeof types.CreateBackupDocument,
    "\n\tmutation DeleteBackup($id: ID!) {\n\t\tdeleteBackup(id: $id)\n\t}\n": typeof types.DeleteBackupDocument,
    "\n\tsubscription BackupProgress {\n\t\tbackupProgress {\n\t\t\tbackupId\n\t\t\tformat\n\t\t\ttrigger\n\t\t\tstatus\n\t\t\tdone\n\t\t\ttotal\n\t\t\tfraction\n\t\t\terror\n\t\t}\n\t}\n": typeof types.BackupProgressDocument,
    "\n\tmutation ValidateBackup($backupId: ID, $file: File) {\n\t\tvalidateBackup(backupId: $backupId, file: $file) {\n\t\t\tformat\n\t\t\tmigration\n\t\t\tmigratedForward\n\t\t\trows\n\t\t\tsequence\n\t\t\tsizeBytes\n\t\t\ttakenAt\n\t\t\ttables {\n\t\t\t\ttable\n\t\t\t\trows\n\t\t\t\tcurrentRows\n\t\t\t}\n\t\t}\n\t}\n": typeof types.ValidateBackupDocument,
    "\n\tfragment RestoreResultFields on RestoreResult {\n\t\trestoredAt\n\t\treplayed\n\t\tsequence\n\t\treport {\n\t\t\trows\n\t\t\tsequence\n\t\t}\n\t\tsafetyBackup {\n\t\t\tid\n\t\t\tfileName\n\t\t}\n\t}\n": typeof types.RestoreResultFieldsFragmentDoc,
    "\n\tmutation RestoreBackup($file: File!) {\n\t\trestoreBackup(file: $file) {\n\t\t\t...RestoreResultFields\n\t\t}\n\t}\n": typeof types.RestoreBackupDocument,
    "\n\tmutation RestoreToPoint($backupId: ID!, $sequence: Int, $at: DateTime) {\n\t\trestoreToPoint(backupId: $backupId, sequence: $sequence, at: $at) {\n\t\t\t...RestoreResultFields\n\t\t}\n\t}\n": typeof types.RestoreToPointDocument,
    "\n\tquery JournalEnd {\n\t\tjournalStatus {\n\t\t\tenabled\n\t\t\tlastSequence\n\t\t}\n\t}\n": typeof types.JournalEndDocument,
    "\n\tquery DeletedRows($model: String, $first: Int, $after: String) {\n\t\tdeletedRows(model: $model, first: $first, after: $after) {\n\t\t\tnodes {\n\t\t\t\tsequence\n\t\t\t\tmodel\n\t\t\t\trecordId\n\t\t\t\tdeletedAt\n\t\t\t\tactorLabel\n\t\t\t\tvalues\n\t\t\t}\n\t\t\thasMore\n\t\t\tendCursor\n\t\t}\n\t}\n": typeof types.DeletedRowsDocument,
    "\n\tmutation RestoreDeleted($model: String!, $recordId: String!) {\n\t\trestoreDeleted(model: $model, recordId: $recordId) {\n\t\t\tid\n\t\t\tsequence\n\t\t}\n\t}\n": typeof types.RestoreDeletedDocument,
    "\n\tfragment LogEntryFields on LogEntry {\n\t\tid\n\t\tsequence\n\t\tat\n\t\tkind\n\t\tlevel\n\t\tmodel\n\t\trecordId\n\t\tmessage\n\t\tactor {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tactorLabel\n\t\trequestId\n\t\tdata\n\t}\n": typeof types.LogEntryFieldsFragmentDoc,
    "\n\tquery Logs($first: Int, $after: String, $filter: LogFilter) {\n\t\tlogs(first: $first, after: $after, filter: $filter) {\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...LogEntryFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n": typeof types.LogsDocument,
    "\n\tsubscription LogAdded($filter: LogFilter, $since: Int) {\n\t\tlogAdded(filter: $filter, since: $since) {\n\t\t\t...LogEntryFields\n\t\t}\n\t}\n": typeof types.LogAddedDocument,
    "\n\tfragment RefundRowFields on Refund {\n\t\tid\n\t\tamount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\treason\n\t\tstatus\n\t\tsource\n\t\trequestedBy {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tdecidedBy {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tdecidedAt\n\t\tdecisionNote\n\t\tproviderReference\n\t\tfailureReason\n\t\tcompletedAt\n\t\tcreatedAt\n\t}\n": typeof types.RefundRowFieldsFragmentDoc,
    "\n\tfragment RefundSaleFields on Transaction {\n\t\tid\n\t\treference\n\t\tfullName\n\t\tphoneNumber\n\t\tprovider\n\t\tstatus\n\t\tamount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\trefundedAmount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tvoucher {\n\t\t\tid\n\t\t\tusername\n\t\t\tstatus\n\t\t}\n\t}\n": typeof types.RefundSaleFieldsFragmentDoc,
    "\n\tquery Refunds($first: Int, $after: String, $filter: RefundFilter) {\n\t\trefunds(first: $first, after: $after, filter: $filter) {\n\t\t\ttotalCount\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...RefundRowFields\n\t\t\t\t\ttransaction {\n\t\t\t\t\t\t...RefundSaleFields\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n": typeof types.RefundsDocument,
    "\n\tquery RefundSummary {\n\t\trefundSummary {\n\t\t\tpendingCount\n\t\t\tpendingAmount {\n\t\t\t\tamountMinor\n\t\t\t\tcurrency\n\t\t\t\tformatted\n\t\t\t}\n\t\t\tfailedCount\n\t\t\trefundedToday {\n\t\t\t\tamountMinor\n\t\t\t\tcurrency\n\t\t\t\tformatted\n\t\t\t}\n\t\t\trefundedTodayCount\n\t\t\trefundedThisWeek {\n\t\t\t\tamountMinor\n\t\t\t\tcurrency\n\t\t\t\tformatted\n\t\t\t}\n\t\t\trefundedThisWeekCount\n\t\t}\n\t}\n": typeof types.RefundSummaryDocument,
    "\n\tmutation ApproveRefund($id: ID!, $note: String) {\n\t\tapproveRefund(id: $id, note: $note) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n": typeof types.ApproveRefundDocument,
    "\n\tmutation RejectRefund($id: ID!, $note: String!) {\n\t\trejectRefund(id: $id, note: $note) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n": typeof types.RejectRefundDocument,
    "\n\tmutation RetryRefund($id: ID!) {\n\t\tretryRefund(id: $id) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n": typeof types.RetryRefundDocument,
    "\n\tmutation RequestRefund($input: RequestRefundInput!) {\n\t\trequestRefund(input: $input) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n": typeof types.RequestRefundDocument,
    "\n\tquery Routers {\n\t\trouters {\n\t\t\tid\n\t\t\tname\n\t\t\thost\n\t\t\tport\n\t\t\ttls\n\t\t\tusername\n\t\t\thotspotServer\n\t\t\tisDefault\n\t\t\tstatus\n\t\t\tlastSeenAt\n\t\t\tlastError\n\t\t\tidentity\n\t\t\tversion\n\t\t}\n\t}\n": typeof types.RoutersDocument,
    "\n\tfragment ShopSettingsFields on ShopSettings {\n\t\tshopName\n\t\ttimeZone\n\t\thotspotLoginUrl\n\t\tsmsSender\n\t\treceiptFooter\n\t\tcardsPerPage\n\t\tcardsPerPageChoices\n\t\tfields {\n\t\t\tkey\n\t\t\tlabel\n\t\t\tenvironmentVariable\n\t\t\tsource\n\t\t\tvalue\n\t\t\tenvironmentDefault\n\t\t\tupdatedAt\n\t\t}\n\t}\n": typeof types.ShopSettingsFieldsFragmentDoc,
    "\n\tquery ShopSettings {\n\t\tshopSettings {\n\t\t\t...ShopSettingsFields\n\t\t}\n\t}\n": typeof types.ShopSettingsDocument,
    "\n\tmutation UpdateShopSettings($input: UpdateShopSettingsInput!) {\n\t\tupdateShopSettings(input: $input) {\n\t\t\t...ShopSettingsFields\n\t\t}\n\t}\n": typeof types.UpdateShopSettingsDocument,
    "\n\t\tquery TransactionDetail($id: ID!) {\n\t\t\tnode(id: $id) {\n\t\t\t\t... on Transaction {\n\t\t\t\t\tid\n\t\t\t\t\treference\n\t\t\t\t\tfullName\n\t\t\t\t\tphoneNumber\n\t\t\t\t\tnetwork\n\t\t\t\t\tstatus\n\t\t\t\t\tfailureReason\n\t\t\t\t\tprovider\n\t\t\t\t\tproviderReference\n\t\t\t\t\tvoucherDelivered\n\t\t\t\t\tpaidAt\n\t\t\t\t\tcreatedAt\n\t\t\t\t\tupdatedAt\n\t\t\t\t\tamount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\trefundedAmount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\trefundableAmount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\tallocation {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tname\n\t\t\t\t\t\tcode\n\t\t\t\t\t\tdataLimitMb\n\t\t\t\t\t\tvalidityHours\n\t\t\t\t\t\tuptimeLimit\n\t\t\t\t\t}\n\t\t\t\t\tvoucher {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tusername\n\t\t\t\t\t\tpassword\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\trouter {\n\t\t\t\t\t\t\tid\n\t\t\t\t\t\t\tname\n\t\t\t\t\t\t}\n\t\t\t\t\t\tprovisioning\n\t\t\t\t\t\tprovisioningError\n\t\t\t\t\t\texpiresAt\n\t\t\t\t\t\tusage {\n\t\t\t\t\t\t\t...VoucherUsageFields\n\t\t\t\t\t\t}\n\t\t\t\t\t}\n\t\t\t\t\trefunds {\n\t\t\t\t\t\t...RefundRowFields\n\t\t\t\t\t}\n\t\t\t\t\tnotifications {\n\t\t\t\t\t\t...NotificationRowFields\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t": typeof types.TransactionDetailDocument,
    "\n\t\tfragment NotificationRowFields on Notification {\n\t\t\tid\n\t\t\tchannel\n\t\t\trecipient\n\t\t\tstatus\n\t\t\tattempts\n\t\t\tlastError\n\t\t\tsentAt\n\t\t\tcreatedAt\n\t\t}\n\t": typeof types.NotificationRowFieldsFragmentDoc,
    "\n\t\tmutation ResendVoucher($transactionId: ID!) {\n\t\t\tresendVoucher(transactionId: $transactionId) {\n\t\t\t\tid\n\t\t\t\tnotifications {\n\t\t\t\t\t...NotificationRowFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t": typeof types.ResendVoucherDocument,
    "\n\t\tquery TransactionReceipt($id: ID!) {\n\t\t\tnode(id: $id) {\n\t\t\t\t... on Transaction {\n\t\t\t\t\tid\n\t\t\t\t\treference\n\t\t\t\t\tfullName\n\t\t\t\t\tphoneNumber\n\t\t\t\t\tstatus\n\t\t\t\t\tprovider\n\t\t\t\t\tproviderReference\n\t\t\t\t\tpaidAt\n\t\t\t\t\tcreatedAt\n\t\t\t\t\tamount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\trefundedAmount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\tallocation {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tname\n\t\t\t\t\t\tdataLimitMb\n\t\t\t\t\t\tvalidityHours\n\t\t\t\t\t\tuptimeLimit\n\t\t\t\t\t}\n\t\t\t\t\tsoldBy {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tusername\n\t\t\t\t\t}\n\t\t\t\t\tvoucher {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tusername\n\t\t\t\t\t\tpassword\n\t\t\t\t\t\texpiresAt\n\t\t\t\t\t}\n\t\t\t\t\trefunds {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\tcreatedAt\n\t\t\t\t\t\tcompletedAt\n\t\t\t\t\t\tamount {\n\t\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t\t}\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t": typeof types.TransactionReceiptDocument,
    "\n\tfragment CashUpRowFields on CashUpRow {\n\t\tday\n\t\tstaffId\n\t\tstaffName\n\t\tprovider\n\t\tcount\n\t\tgross {\n\t\t\t...MoneyFields\n\t\t}\n\t\trefunded {\n\t\t\t...MoneyFields\n\t\t}\n\t\tnet {\n\t\t\t...MoneyFields\n\t\t}\n\t}\n": typeof types.CashUpRowFieldsFragmentDoc,
    "\n\tquery CashUp($from: String!, $to: String!) {\n\t\tcashUp(from: $from, to: $to) {\n\t\t\tfrom\n\t\t\tto\n\t\t\ttimeZone\n\t\t\tstaffId\n\t\t\ttotal {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tdays {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tstaff {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tproviders {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tlines {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t}\n\t}\n": typeof types.CashUpDocument,
    "\n\tfragment TransactionRowFields on Transaction {\n\t\tid\n\t\treference\n\t\tfullName\n\t\tphoneNumber\n\t\tnetwork\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t}\n\t\tamount {\n\t\t\t...MoneyFields\n\t\t}\n\t\tstatus\n\t\tprovider\n\t\tproviderReference\n\t\tvoucherDelivered\n\t\tvoucher {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tcreatedAt\n\t\tpaidAt\n\t}\n": typeof types.TransactionRowFieldsFragmentDoc,
    "\n\tquery Transactions($first: Int, $after: String, $filter: TransactionFilter) {\n\t\ttransactions(first: $first, after: $after, filter: $filter) {\n\t\t\ttotalCount\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...TransactionRowFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n": typeof types.TransactionsDocument,
    "\n\tmutation Purchase($input: PurchaseInput!) {\n\t\tpurchase(input: $input) {\n\t\t\tinstructions\n\t\t\ttransaction {\n\t\t\t\tid\n\t\t\t\treference\n\t\t\t\tstatus\n\t\t\t}\n\t\t}\n\t}\n": typeof types.PurchaseDocument,
    "\n\tmutation ConfirmPayment($input: ConfirmPaymentInput!) {\n\t\tconfirmPayment(input: $input) {\n\t\t\tid\n\t\t\treference\n\t\t\tstatus\n\t\t\tfailureReason\n\t\t\tvoucher {\n\t\t\t\tid\n\t\t\t\tusername\n\t\t\t\tpassword\n\t\t\t}\n\t\t}\n\t}\n": typeof types.ConfirmPaymentDocument,
    "\n\tquery TransactionTotals($filter: TransactionFilter, $money: Boolean!) {\n\t\ttransactionTotals(filter: $filter) {\n\t\t\tcount\n\t\t\tpaidCount\n\t\t\tgross @include(if: $money) {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t\trefunded @include(if: $money) {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t\tnet @include(if: $money) {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t}\n\t}\n": typeof types.TransactionTotalsDocument,
    "\n\tquery Users {\n\t\tusers {\n\t\t\tid\n\t\t\tusername\n\t\t\temail\n\t\t\tphoneNumber\n\t\t\trole\n\t\t\tcreatedAt\n\t\t}\n\t}\n": typeof types.UsersDocument,
    "\n\tmutation CreateUser($input: CreateUserInput!) {\n\t\tcreateUser(input: $input) {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t}\n": typeof types.CreateUserDocument,
    "\n\tmutation DeleteUser($id: ID!) {\n\t\tdeleteUser(id: $id)\n\t}\n": typeof types.DeleteUserDocument,
    "\n\tquery ApiKeys {\n\t\tapiKeys {\n\t\t\tid\n\t\t\tname\n\t\t\trole\n\t\t\tprefix\n\t\t\tcreatedAt\n\t\t\tlastUsedAt\n\t\t\trevokedAt\n\t\t}\n\t}\n": typeof types.ApiKeysDocument,
    "\n\tmutation CreateApiKey($name: String!, $role: Role!) {\n\t\tcreateApiKey(input: { name: $name, role: $role }) {\n\t\t\tkey\n\t\t\tapiKey {\n\t\t\t\tid\n\t\t\t\tname\n\t\t\t}\n\t\t}\n\t}\n": typeof types.CreateApiKeyDocument,
    "\n\tmutation RevokeApiKey($id: ID!) {\n\t\trevokeApiKey(id: $id) {\n\t\t\tid\n\t\t\trevokedAt\n\t\t}\n\t}\n": typeof types.RevokeApiKeyDocument,
    "\n\t\tquery VoucherDetail($id: ID!) {\n\t\t\tnode(id: $id) {\n\t\t\t\t... on Voucher {\n\t\t\t\t\tid\n\t\t\t\t\tusername\n\t\t\t\t\tpassword\n\t\t\t\t\tprintBatch {\n\t\t\t\t\t\tid\n\t\t\t\t\t}\n\t\t\t\t\tstatus\n\t\t\t\t\tprovisioning\n\t\t\t\t\tprovisioningError\n\t\t\t\t\texpiresAt\n\t\t\t\t\tcreatedAt\n\t\t\t\t\trouter {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tname\n\t\t\t\t\t\thost\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\tisDefault\n\t\t\t\t\t\tlastSeenAt\n\t\t\t\t\t}\n\t\t\t\t\tallocation {\n\t\t\t\t\t\t...AllocationOfferFields\n\t\t\t\t\t\tcode\n\t\t\t\t\t}\n\t\t\t\t\ttransaction {\n\t\t\t\t\t\tid\n\t\t\t\t\t\treference\n\t\t\t\t\t\tfullName\n\t\t\t\t\t\tphoneNumber\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\tpaidAt\n\t\t\t\t\t}\n\t\t\t\t\tusage {\n\t\t\t\t\t\t...VoucherUsageFields\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t": typeof types.VoucherDetailDocument,
    "\n\tfragment PrintCardFields on Voucher {\n\t\tid\n\t\tusername\n\t\tpassword\n\t\tstatus\n\t\tallocation {\n\t\t\tname\n\t\t\tdataLimitMb\n\t\t\tuptimeLimit\n\t\t\tvalidityHours\n\t\t\tprice {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t}\n\t}\n": typeof types.PrintCardFieldsFragmentDoc,
    "\n\tfragment PrintBatchFields on PrintBatch {\n\t\tid\n\t\tcount\n\t\tunsold\n\t\tcreatedAt\n\t\tprintedBy {\n\t\t\tusername\n\t\t}\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t}\n\t}\n": typeof types.PrintBatchFieldsFragmentDoc,
    "\n\tmutation PrintVouchers($input: PrintVouchersInput!) {\n\t\tprintVouchers(input: $input) {\n\t\t\t...PrintBatchFields\n\t\t\tvouchers {\n\t\t\t\t...PrintCardFields\n\t\t\t}\n\t\t}\n\t}\n": typeof types.PrintVouchersDocument,
    "\n\tquery PrintBatch($id: ID!) {\n\t\tprintBatch(id: $id) {\n\t\t\t...PrintBatchFields\n\t\t\tvouchers {\n\t\t\t\t...PrintCardFields\n\t\t\t}\n\t\t}\n\t}\n": typeof types.PrintBatchDocument,
    "\n\tquery RecentPrintBatches {\n\t\tprintBatches(first: 12) {\n\t\t\t...PrintBatchFields\n\t\t}\n\t}\n": typeof types.RecentPrintBatchesDocument,
    "\n\tquery PrintStock {\n\t\tallocations(includeInactive: true) {\n\t\t\tid\n\t\t\tstock {\n\t\t\t\tavailable\n\t\t\t}\n\t\t}\n\t}\n": typeof types.PrintStockDocument,
    "\n\tfragment VoucherRowFields on Voucher {\n\t\tid\n\t\tusername\n\t\tpassword\n\t\tstatus\n\t\tprovisioning\n\t\tprovisioningError\n\t\texpiresAt\n\t\treservedUntil\n\t\tprintedAt\n\t\tcreatedAt\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t\tcode\n\t\t}\n\t\ttransaction {\n\t\t\tid\n\t\t\treference\n\t\t\tfullName\n\t\t}\n\t\tusage {\n\t\t\t...VoucherUsageFields\n\t\t}\n\t}\n": typeof types.VoucherRowFieldsFragmentDoc,
    "\n\tquery Vouchers($first: Int, $after: String, $filter: VoucherFilter) {\n\t\tvouchers(first: $first, after: $after, filter: $filter) {\n\t\t\ttotalCount\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...VoucherRowFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n": typeof types.VouchersDocument,
    "\n\tmutation GenerateVouchers($input: GenerateVouchersInput!) {\n\t\tgenerateVouchers(input: $input) {\n\t\t\tcount\n\t\t}\n\t}\n": typeof types.GenerateVouchersDocument,
    "\n\tmutation ImportVouchers($input: ImportVouchersInput!) {\n\t\timportVouchers(input: $input) {\n\t\t\timported\n\t\t\tskipped\n\t\t}\n\t}\n": typeof types.ImportVouchersDocument,
    "\n\tmutation DisableVoucher($id: ID!) {\n\t\tdisableVoucher(id: $id) {\n\t\t\tid\n\t\t\tstatus\n\t\t\tprovisioning\n\t\t}\n\t}\n": typeof types.DisableVoucherDocument,
    "\n\tquery RouterOptions {\n\t\trouters {\n\t\t\tid\n\t\t\tname\n\t\t\thost\n\t\t\tstatus\n\t\t\tisDefault\n\t\t}\n\t}\n": typeof types.RouterOptionsDocument,
    "\n\tmutation SellPrintedVoucher($input: SellPrintedVoucherInput!) {\n\t\tsellPrintedVoucher(input: $input) {\n\t\t\tid\n\t\t\treference\n\t\t\tstatus\n\t\t\tamount {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t\tallocation {\n\t\t\t\tid\n\t\t\t\tname\n\t\t\t}\n\t\t\tvoucher {\n\t\t\t\tid\n\t\t\t\tusername\n\t\t\t}\n\t\t}\n\t}\n": typeof types.SellPrintedVoucherDocument,
    "\n\tquery VoucherStock {\n\t\tallocations(includeInactive: true) {\n\t\t\tid\n\t\t\tname\n\t\t\tactive\n\t\t\tstock {\n\t\t\t\t...VoucherStockFields\n\t\t\t}\n\t\t}\n\t}\n": typeof types.VoucherStockDocument,
    "\n\tquery BuyAllocations {\n\t\tallocations {\n\t\t\t...AllocationOfferFields\n\t\t}\n\t}\n": typeof types.BuyAllocationsDocument,
    "\n\tfragment BuyTransactionFields on Transaction {\n\t\tid\n\t\treference\n\t\tstatus\n\t\tfullName\n\t\tphoneNumber\n\t\tfailureReason\n\t\tvoucherDelivered\n\t\tpaidAt\n\t\tcreatedAt\n\t\tamount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t\tdataLimitMb\n\t\t\tuptimeLimit\n\t\t\tvalidityHours\n\t\t}\n\t\tvoucher {\n\t\t\tid\n\t\t\tusername\n\t\t\tpassword\n\t\t\texpiresAt\n\t\t}\n\t}\n": typeof types.BuyTransactionFieldsFragmentDoc,
    "\n\tmutation BuyPurchase($input: PurchaseInput!) {\n\t\tpurchase(input: $input) {\n\t\t\tinstructions\n\t\t\ttransaction {\n\t\t\t\t...BuyTransactionFields\n\t\t\t}\n\t\t}\n\t}\n": typeof types.BuyPurchaseDocument,
    "\n\tquery TransactionByReference($reference: String!) {\n\t\ttransactionByReference(reference: $reference) {\n\t\t\t...BuyTransactionFields\n\t\t}\n\t}\n": typeof types.TransactionByReferenceDocument,
    "\n\tquery BuyAppInfo {\n\t\tappInfo {\n\t\t\thotspotLoginUrl\n\t\t\tpaymentProvider\n\t\t\ttimeZone\n\t\t\tshopName\n\t\t\treceiptFooter\n\t\t}\n\t}\n": typeof types.BuyAppInfoDocument,
    "\n\tmutation ReportProblem($reference: String!, $message: String!) {\n\t\treportProblem(reference: $reference, message: $message) {\n\t\t\tmessage\n\t\t\talreadyOpen\n\t\t}\n\t}\n": typeof types.ReportProblemDocument,
    "\n\t\tmutation Login($username: String!, $password: String!) {\n\t\t\tlogin(username: $username, password: $password) {\n\t\t\t\ttoken\n\t\t\t\tuser {\n\t\t\t\t\tid\n\t\t\t\t\tusername\n\t\t\t\t\trole\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t": typeof types.LoginDocument,
};
const documents: Documents = {
    "\n\tquery AllocationOptions {\n\t\tallocations(includeInactive: true) {\n\t\t\tid\n\t\t\tname\n\t\t\tcode\n\t\t\tactive\n\t\t\tprice {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t}\n\t}\n": types.AllocationOptionsDocument,
    "\n\tquery AppInfo {\n\t\tappInfo {\n\t\t\tcurrency\n\t\t\tpaymentProvider\n\t\t\thotspotLoginUrl\n\t\t\ttimeZone\n\t\t\tshopName\n\t\t\treceiptFooter\n\t\t\tcardsPerPage\n\t\t}\n\t}\n": types.AppInfoDocument,
    "\n\tquery DashboardZone {\n\t\tdashboard {\n\t\t\ttimeZone\n\t\t}\n\t}\n": types.DashboardZoneDocument,
    "\n\tquery Dashboard($from: DateTime, $to: DateTime, $granularity: Granularity!, $money: Boolean!) {\n\t\tdashboard(from: $from, to: $to) {\n\t\t\tfrom\n\t\t\tto\n\t\t\ttimeZone\n\t\t\tsales\n\t\t\trefunds\n\t\t\trefundRate\n\t\t\tnewCustomers\n\t\t\trepeatSales\n\t\t\tvouchersAvailable\n\t\t\trevenue @include(if: $money) { amountMinor currency }\n\t\t\trefundedAmount @include(if: $money) { amountMinor currency }\n\t\t\taverageSale @include(if: $money) { amountMinor currency }\n\t\t\tpreviousPeriod {\n\t\t\t\tsales\n\t\t\t\trefunds\n\t\t\t\tnewCustomers\n\t\t\t\trevenue @include(if: $money) { amountMinor }\n\t\t\t\trefundedAmount @include(if: $money) { amountMinor }\n\t\t\t}\n\t\t\ttoday { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tyesterday { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tthisWeek { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tlastWeek { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tseries(granularity: $granularity) {\n\t\t\t\tbucket\n\t\t\t\tsales\n\t\t\t\trefunds\n\t\t\t\tnewCustomers\n\t\t\t\trevenue @include(if: $money) { amountMinor }\n\t\t\t\trefundedAmount @include(if: $money) { amountMinor }\n\t\t\t}\n\t\t\tsalesByAllocation { allocation { id name } sales refunds revenue @include(if: $money) { amountMinor } }\n\t\t\tsalesByHour { hour sales revenue @include(if: $money) { amountMinor } }\n\t\t\tproviderSplit { provider sales revenue @include(if: $money) { amountMinor } }\n\t\t\tstock { allocation { id name active } available reserved sold soldLast7Days daysLeft warning }\n\t\t}\n\t}\n": types.DashboardDocument,
    "\n\tfragment MoneyFields on Money {\n\t\tamountMinor\n\t\tcurrency\n\t\tformatted\n\t}\n": types.MoneyFieldsFragmentDoc,
    "\n\tfragment PageInfoFields on PageInfo {\n\t\thasNextPage\n\t\tendCursor\n\t}\n": types.PageInfoFieldsFragmentDoc,
    "\n\tfragment VoucherUsageFields on VoucherUsage {\n\t\tbytesIn\n\t\tbytesOut\n\t\tuptime\n\t\tsyncedAt\n\t}\n": types.VoucherUsageFieldsFragmentDoc,
    "\n\tfragment AllocationOfferFields on Allocation {\n\t\tid\n\t\tname\n\t\tprice {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tdataLimitMb\n\t\tuptimeLimit\n\t\tvalidityHours\n\t}\n": types.AllocationOfferFieldsFragmentDoc,
    "\n\tfragment VoucherStockFields on VoucherStock {\n\t\tavailable\n\t\treserved\n\t\tprinted\n\t\tsold\n\t}\n": types.VoucherStockFieldsFragmentDoc,
    "\n\tfragment ModelChangeFields on ModelEvent {\n\t\tsequence\n\t\tmodel\n\t\trecordId\n\t\taction\n\t}\n": types.ModelChangeFieldsFragmentDoc,
    "\n\tsubscription ModelSaved($models: [String!]) {\n\t\tmodelSaved(models: $models) {\n\t\t\t...ModelChangeFields\n\t\t}\n\t}\n": types.ModelSavedDocument,
    "\n\tsubscription ModelDeleted($models: [String!]) {\n\t\tmodelDeleted(models: $models) {\n\t\t\t...ModelChangeFields\n\t\t}\n\t}\n": types.ModelDeletedDocument,
    "\n\tquery Me {\n\t\tme {\n\t\t\tid\n\t\t\tusername\n\t\t\trole\n\t\t\temail\n\t\t}\n\t}\n": types.MeDocument,
    "\n\t\tmutation Logout {\n\t\t\tlogout\n\t\t}\n\t": types.LogoutDocument,
    "\n\tfragment AllocationFields on Allocation {\n\t\t...AllocationOfferFields\n\t\tcode\n\t\trouterProfile\n\t\tsharedUsers\n\t\tactive\n\t\tcreatedAt\n\t\tupdatedAt\n\t\tstock {\n\t\t\t...VoucherStockFields\n\t\t}\n\t}\n": types.AllocationFieldsFragmentDoc,
    "\n\tquery Allocations($includeInactive: Boolean) {\n\t\tallocations(includeInactive: $includeInactive) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n": types.AllocationsDocument,
    "\n\tmutation CreateAllocation($input: AllocationInput!) {\n\t\tcreateAllocation(input: $input) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n": types.CreateAllocationDocument,
    "\n\tmutation UpdateAllocation($id: ID!, $input: AllocationInput!) {\n\t\tupdateAllocation(id: $id, input: $input) {\n\t\t\t...AllocationFields\n\t\t}\n\t}\n": types.UpdateAllocationDocument,
    "\n\tmutation DeleteAllocation($id: ID!) {\n\t\tdeleteAllocation(id: $id)\n\t}\n": types.DeleteAllocationDocument,
    "\n\tquery Backups($first: Int) {\n\t\tbackups(first: $first) {\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\tid\n\t\t\t\t\tcreatedAt\n\t\t\t\t\tfinishedAt\n\t\t\t\t\tformat\n\t\t\t\t\ttrigger\n\t\t\t\t\tsizeBytes\n\t\t\t\t\tsequence\n\t\t\t\t\trows\n\t\t\t\t\ttables {\n\t\t\t\t\t\ttable\n\t\t\t\t\t\trows\n\t\t\t\t\t}\n\t\t\t\t\tdownloadUrl\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t\tbackupSettings {\n\t\t\tschedule\n\t\t\tscheduleFormat\n\t\t\ttimeZone\n\t\t\tnextRunAt\n\t\t\tkeep\n\t\t\tkeepDays\n\t\t\tmaxUploadBytes\n\t\t}\n\t}\n": types.BackupsDocument,
    "\n\tmutation CreateBackup($format: BackupFormat) {\n\t\tcreateBackup(format: $format) {\n\t\t\tid\n\t\t}\n\t}\n": types.CreateBackupDocument,
    "\n\tmutation DeleteBackup($id: ID!) {\n\t\tdeleteBackup(id: $id)\n\t}\n": types.DeleteBackupDocument,
    "\n\tsubscription BackupProgress {\n\t\tbackupProgress {\n\t\t\tbackupId\n\t\t\tformat\n\t\t\ttrigger\n\t\t\tstatus\n\t\t\tdone\n\t\t\ttotal\n\t\t\tfraction\n\t\t\terror\n\t\t}\n\t}\n": types.BackupProgressDocument,
    "\n\tmutation ValidateBackup($backupId: ID, $file: File) {\n\t\tvalidateBackup(backupId: $backupId, file: $file) {\n\t\t\tformat\n\t\t\tmigration\n\t\t\tmigratedForward\n\t\t\trows\n\t\t\tsequence\n\t\t\tsizeBytes\n\t\t\ttakenAt\n\t\t\ttables {\n\t\t\t\ttable\n\t\t\t\trows\n\t\t\t\tcurrentRows\n\t\t\t}\n\t\t}\n\t}\n": types.ValidateBackupDocument,
    "\n\tfragment RestoreResultFields on RestoreResult {\n\t\trestoredAt\n\t\treplayed\n\t\tsequence\n\t\treport {\n\t\t\trows\n\t\t\tsequence\n\t\t}\n\t\tsafetyBackup {\n\t\t\tid\n\t\t\tfileName\n\t\t}\n\t}\n": types.RestoreResultFieldsFragmentDoc,
    "\n\tmutation RestoreBackup($file: File!) {\n\t\trestoreBackup(file: $file) {\n\t\t\t...RestoreResultFields\n\t\t}\n\t}\n": types.RestoreBackupDocument,
    "\n\tmutation RestoreToPoint($backupId: ID!, $sequence: Int, $at: DateTime) {\n\t\trestoreToPoint(backupId: $backupId, sequence: $sequence, at: $at) {\n\t\t\t...RestoreResultFields\n\t\t}\n\t}\n": types.RestoreToPointDocument,
    "\n\tquery JournalEnd {\n\t\tjournalStatus {\n\t\t\tenabled\n\t\t\tlastSequence\n\t\t}\n\t}\n": types.JournalEndDocument,
    "\n\tquery DeletedRows($model: String, $first: Int, $after: String) {\n\t\tdeletedRows(model: $model, first: $first, after: $after) {\n\t\t\tnodes {\n\t\t\t\tsequence\n\t\t\t\tmodel\n\t\t\t\trecordId\n\t\t\t\tdeletedAt\n\t\t\t\tactorLabel\n\t\t\t\tvalues\n\t\t\t}\n\t\t\thasMore\n\t\t\tendCursor\n\t\t}\n\t}\n": types.DeletedRowsDocument,
    "\n\tmutation RestoreDeleted($model: String!, $recordId: String!) {\n\t\trestoreDeleted(model: $model, recordId: $recordId) {\n\t\t\tid\n\t\t\tsequence\n\t\t}\n\t}\n": types.RestoreDeletedDocument,
    "\n\tfragment LogEntryFields on LogEntry {\n\t\tid\n\t\tsequence\n\t\tat\n\t\tkind\n\t\tlevel\n\t\tmodel\n\t\trecordId\n\t\tmessage\n\t\tactor {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tactorLabel\n\t\trequestId\n\t\tdata\n\t}\n": types.LogEntryFieldsFragmentDoc,
    "\n\tquery Logs($first: Int, $after: String, $filter: LogFilter) {\n\t\tlogs(first: $first, after: $after, filter: $filter) {\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...LogEntryFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n": types.LogsDocument,
    "\n\tsubscription LogAdded($filter: LogFilter, $since: Int) {\n\t\tlogAdded(filter: $filter, since: $since) {\n\t\t\t...LogEntryFields\n\t\t}\n\t}\n": types.LogAddedDocument,
    "\n\tfragment RefundRowFields on Refund {\n\t\tid\n\t\tamount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\treason\n\t\tstatus\n\t\tsource\n\t\trequestedBy {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tdecidedBy {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tdecidedAt\n\t\tdecisionNote\n\t\tproviderReference\n\t\tfailureReason\n\t\tcompletedAt\n\t\tcreatedAt\n\t}\n": types.RefundRowFieldsFragmentDoc,
    "\n\tfragment RefundSaleFields on Transaction {\n\t\tid\n\t\treference\n\t\tfullName\n\t\tphoneNumber\n\t\tprovider\n\t\tstatus\n\t\tamount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\trefundedAmount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tvoucher {\n\t\t\tid\n\t\t\tusername\n\t\t\tstatus\n\t\t}\n\t}\n": types.RefundSaleFieldsFragmentDoc,
    "\n\tquery Refunds($first: Int, $after: String, $filter: RefundFilter) {\n\t\trefunds(first: $first, after: $after, filter: $filter) {\n\t\t\ttotalCount\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...RefundRowFields\n\t\t\t\t\ttransaction {\n\t\t\t\t\t\t...RefundSaleFields\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n": types.RefundsDocument,
    "\n\tquery RefundSummary {\n\t\trefundSummary {\n\t\t\tpendingCount\n\t\t\tpendingAmount {\n\t\t\t\tamountMinor\n\t\t\t\tcurrency\n\t\t\t\tformatted\n\t\t\t}\n\t\t\tfailedCount\n\t\t\trefundedToday {\n\t\t\t\tamountMinor\n\t\t\t\tcurrency\n\t\t\t\tformatted\n\t\t\t}\n\t\t\trefundedTodayCount\n\t\t\trefundedThisWeek {\n\t\t\t\tamountMinor\n\t\t\t\tcurrency\n\t\t\t\tformatted\n\t\t\t}\n\t\t\trefundedThisWeekCount\n\t\t}\n\t}\n": types.RefundSummaryDocument,
    "\n\tmutation ApproveRefund($id: ID!, $note: String) {\n\t\tapproveRefund(id: $id, note: $note) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n": types.ApproveRefundDocument,
    "\n\tmutation RejectRefund($id: ID!, $note: String!) {\n\t\trejectRefund(id: $id, note: $note) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n": types.RejectRefundDocument,
    "\n\tmutation RetryRefund($id: ID!) {\n\t\tretryRefund(id: $id) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n": types.RetryRefundDocument,
    "\n\tmutation RequestRefund($input: RequestRefundInput!) {\n\t\trequestRefund(input: $input) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n": types.RequestRefundDocument,
    "\n\tquery Routers {\n\t\trouters {\n\t\t\tid\n\t\t\tname\n\t\t\thost\n\t\t\tport\n\t\t\ttls\n\t\t\tusername\n\t\t\thotspotServer\n\t\t\tisDefault\n\t\t\tstatus\n\t\t\tlastSeenAt\n\t\t\tlastError\n\t\t\tidentity\n\t\t\tversion\n\t\t}\n\t}\n": types.RoutersDocument,
    "\n\tfragment ShopSettingsFields on ShopSettings {\n\t\tshopName\n\t\ttimeZone\n\t\thotspotLoginUrl\n\t\tsmsSender\n\t\treceiptFooter\n\t\tcardsPerPage\n\t\tcardsPerPageChoices\n\t\tfields {\n\t\t\tkey\n\t\t\tlabel\n\t\t\tenvironmentVariable\n\t\t\tsource\n\t\t\tvalue\n\t\t\tenvironmentDefault\n\t\t\tupdatedAt\n\t\t}\n\t}\n": types.ShopSettingsFieldsFragmentDoc,
    "\n\tquery ShopSettings {\n\t\tshopSettings {\n\t\t\t...ShopSettingsFields\n\t\t}\n\t}\n": types.ShopSettingsDocument,
    "\n\tmutation UpdateShopSettings($input: UpdateShopSettingsInput!) {\n\t\tupdateShopSettings(input: $input) {\n\t\t\t...ShopSettingsFields\n\t\t}\n\t}\n": types.UpdateShopSettingsDocument,
    "\n\t\tquery TransactionDetail($id: ID!) {\n\t\t\tnode(id: $id) {\n\t\t\t\t... on Transaction {\n\t\t\t\t\tid\n\t\t\t\t\treference\n\t\t\t\t\tfullName\n\t\t\t\t\tphoneNumber\n\t\t\t\t\tnetwork\n\t\t\t\t\tstatus\n\t\t\t\t\tfailureReason\n\t\t\t\t\tprovider\n\t\t\t\t\tproviderReference\n\t\t\t\t\tvoucherDelivered\n\t\t\t\t\tpaidAt\n\t\t\t\t\tcreatedAt\n\t\t\t\t\tupdatedAt\n\t\t\t\t\tamount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\trefundedAmount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\trefundableAmount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\tallocation {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tname\n\t\t\t\t\t\tcode\n\t\t\t\t\t\tdataLimitMb\n\t\t\t\t\t\tvalidityHours\n\t\t\t\t\t\tuptimeLimit\n\t\t\t\t\t}\n\t\t\t\t\tvoucher {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tusername\n\t\t\t\t\t\tpassword\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\trouter {\n\t\t\t\t\t\t\tid\n\t\t\t\t\t\t\tname\n\t\t\t\t\t\t}\n\t\t\t\t\t\tprovisioning\n\t\t\t\t\t\tprovisioningError\n\t\t\t\t\t\texpiresAt\n\t\t\t\t\t\tusage {\n\t\t\t\t\t\t\t...VoucherUsageFields\n\t\t\t\t\t\t}\n\t\t\t\t\t}\n\t\t\t\t\trefunds {\n\t\t\t\t\t\t...RefundRowFields\n\t\t\t\t\t}\n\t\t\t\t\tnotifications {\n\t\t\t\t\t\t...NotificationRowFields\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t": types.TransactionDetailDocument,
    "\n\t\tfragment NotificationRowFields on Notification {\n\t\t\tid\n\t\t\tchannel\n\t\t\trecipient\n\t\t\tstatus\n\t\t\tattempts\n\t\t\tlastError\n\t\t\tsentAt\n\t\t\tcreatedAt\n\t\t}\n\t": types.NotificationRowFieldsFragmentDoc,
    "\n\t\tmutation ResendVoucher($transactionId: ID!) {\n\t\t\tresendVoucher(transactionId: $transactionId) {\n\t\t\t\tid\n\t\t\t\tnotifications {\n\t\t\t\t\t...NotificationRowFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t": types.ResendVoucherDocument,
    "\n\t\tquery TransactionReceipt($id: ID!) {\n\t\t\tnode(id: $id) {\n\t\t\t\t... on Transaction {\n\t\t\t\t\tid\n\t\t\t\t\treference\n\t\t\t\t\tfullName\n\t\t\t\t\tphoneNumber\n\t\t\t\t\tstatus\n\t\t\t\t\tprovider\n\t\t\t\t\tproviderReference\n\t\t\t\t\tpaidAt\n\t\t\t\t\tcreatedAt\n\t\t\t\t\tamount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\trefundedAmount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\tallocation {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tname\n\t\t\t\t\t\tdataLimitMb\n\t\t\t\t\t\tvalidityHours\n\t\t\t\t\t\tuptimeLimit\n\t\t\t\t\t}\n\t\t\t\t\tsoldBy {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tusername\n\t\t\t\t\t}\n\t\t\t\t\tvoucher {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tusername\n\t\t\t\t\t\tpassword\n\t\t\t\t\t\texpiresAt\n\t\t\t\t\t}\n\t\t\t\t\trefunds {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\tcreatedAt\n\t\t\t\t\t\tcompletedAt\n\t\t\t\t\t\tamount {\n\t\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t\t}\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t": types.TransactionReceiptDocument,
    "\n\tfragment CashUpRowFields on CashUpRow {\n\t\tday\n\t\tstaffId\n\t\tstaffName\n\t\tprovider\n\t\tcount\n\t\tgross {\n\t\t\t...MoneyFields\n\t\t}\n\t\trefunded {\n\t\t\t...MoneyFields\n\t\t}\n\t\tnet {\n\t\t\t...MoneyFields\n\t\t}\n\t}\n": types.CashUpRowFieldsFragmentDoc,
    "\n\tquery CashUp($from: String!, $to: String!) {\n\t\tcashUp(from: $from, to: $to) {\n\t\t\tfrom\n\t\t\tto\n\t\t\ttimeZone\n\t\t\tstaffId\n\t\t\ttotal {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tdays {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tstaff {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tproviders {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tlines {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t}\n\t}\n": types.CashUpDocument,
    "\n\tfragment TransactionRowFields on Transaction {\n\t\tid\n\t\treference\n\t\tfullName\n\t\tphoneNumber\n\t\tnetwork\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t}\n\t\tamount {\n\t\t\t...MoneyFields\n\t\t}\n\t\tstatus\n\t\tprovider\n\t\tproviderReference\n\t\tvoucherDelivered\n\t\tvoucher {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tcreatedAt\n\t\tpaidAt\n\t}\n": types.TransactionRowFieldsFragmentDoc,
    "\n\tquery Transactions($first: Int, $after: String, $filter: TransactionFilter) {\n\t\ttransactions(first: $first, after: $after, filter: $filter) {\n\t\t\ttotalCount\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...TransactionRowFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n": types.TransactionsDocument,
    "\n\tmutation Purchase($input: PurchaseInput!) {\n\t\tpurchase(input: $input) {\n\t\t\tinstructions\n\t\t\ttransaction {\n\t\t\t\tid\n\t\t\t\treference\n\t\t\t\tstatus\n\t\t\t}\n\t\t}\n\t}\n": types.PurchaseDocument,
    "\n\tmutation ConfirmPayment($input: ConfirmPaymentInput!) {\n\t\tconfirmPayment(input: $input) {\n\t\t\tid\n\t\t\treference\n\t\t\tstatus\n\t\t\tfailureReason\n\t\t\tvoucher {\n\t\t\t\tid\n\t\t\t\tusername\n\t\t\t\tpassword\n\t\t\t}\n\t\t}\n\t}\n": types.ConfirmPaymentDocument,
    "\n\tquery TransactionTotals($filter: TransactionFilter, $money: Boolean!) {\n\t\ttransactionTotals(filter: $filter) {\n\t\t\tcount\n\t\t\tpaidCount\n\t\t\tgross @include(if: $money) {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t\trefunded @include(if: $money) {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t\tnet @include(if: $money) {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t}\n\t}\n": types.TransactionTotalsDocument,
    "\n\tquery Users {\n\t\tusers {\n\t\t\tid\n\t\t\tusername\n\t\t\temail\n\t\t\tphoneNumber\n\t\t\trole\n\t\t\tcreatedAt\n\t\t}\n\t}\n": types.UsersDocument,
    "\n\tmutation CreateUser($input: CreateUserInput!) {\n\t\tcreateUser(input: $input) {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t}\n": types.CreateUserDocument,
    "\n\tmutation DeleteUser($id: ID!) {\n\t\tdeleteUser(id: $id)\n\t}\n": types.DeleteUserDocument,
    "\n\tquery ApiKeys {\n\t\tapiKeys {\n\t\t\tid\n\t\t\tname\n\t\t\trole\n\t\t\tprefix\n\t\t\tcreatedAt\n\t\t\tlastUsedAt\n\t\t\trevokedAt\n\t\t}\n\t}\n": types.ApiKeysDocument,
    "\n\tmutation CreateApiKey($name: String!, $role: Role!) {\n\t\tcreateApiKey(input: { name: $name, role: $role }) {\n\t\t\tkey\n\t\t\tapiKey {\n\t\t\t\tid\n\t\t\t\tname\n\t\t\t}\n\t\t}\n\t}\n": types.CreateApiKeyDocument,
    "\n\tmutation RevokeApiKey($id: ID!) {\n\t\trevokeApiKey(id: $id) {\n\t\t\tid\n\t\t\trevokedAt\n\t\t}\n\t}\n": types.RevokeApiKeyDocument,
    "\n\t\tquery VoucherDetail($id: ID!) {\n\t\t\tnode(id: $id) {\n\t\t\t\t... on Voucher {\n\t\t\t\t\tid\n\t\t\t\t\tusername\n\t\t\t\t\tpassword\n\t\t\t\t\tprintBatch {\n\t\t\t\t\t\tid\n\t\t\t\t\t}\n\t\t\t\t\tstatus\n\t\t\t\t\tprovisioning\n\t\t\t\t\tprovisioningError\n\t\t\t\t\texpiresAt\n\t\t\t\t\tcreatedAt\n\t\t\t\t\trouter {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tname\n\t\t\t\t\t\thost\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\tisDefault\n\t\t\t\t\t\tlastSeenAt\n\t\t\t\t\t}\n\t\t\t\t\tallocation {\n\t\t\t\t\t\t...AllocationOfferFields\n\t\t\t\t\t\tcode\n\t\t\t\t\t}\n\t\t\t\t\ttransaction {\n\t\t\t\t\t\tid\n\t\t\t\t\t\treference\n\t\t\t\t\t\tfullName\n\t\t\t\t\t\tphoneNumber\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\tpaidAt\n\t\t\t\t\t}\n\t\t\t\t\tusage {\n\t\t\t\t\t\t...VoucherUsageFields\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t": types.VoucherDetailDocument,
    "\n\tfragment PrintCardFields on Voucher {\n\t\tid\n\t\tusername\n\t\tpassword\n\t\tstatus\n\t\tallocation {\n\t\t\tname\n\t\t\tdataLimitMb\n\t\t\tuptimeLimit\n\t\t\tvalidityHours\n\t\t\tprice {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t}\n\t}\n": types.PrintCardFieldsFragmentDoc,
    "\n\tfragment PrintBatchFields on PrintBatch {\n\t\tid\n\t\tcount\n\t\tunsold\n\t\tcreatedAt\n\t\tprintedBy {\n\t\t\tusername\n\t\t}\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t}\n\t}\n": types.PrintBatchFieldsFragmentDoc,
    "\n\tmutation PrintVouchers($input: PrintVouchersInput!) {\n\t\tprintVouchers(input: $input) {\n\t\t\t...PrintBatchFields\n\t\t\tvouchers {\n\t\t\t\t...PrintCardFields\n\t\t\t}\n\t\t}\n\t}\n": types.PrintVouchersDocument,
    "\n\tquery PrintBatch($id: ID!) {\n\t\tprintBatch(id: $id) {\n\t\t\t...PrintBatchFields\n\t\t\tvouchers {\n\t\t\t\t...PrintCardFields\n\t\t\t}\n\t\t}\n\t}\n": types.PrintBatchDocument,
    "\n\tquery RecentPrintBatches {\n\t\tprintBatches(first: 12) {\n\t\t\t...PrintBatchFields\n\t\t}\n\t}\n": types.RecentPrintBatchesDocument,
    "\n\tquery PrintStock {\n\t\tallocations(includeInactive: true) {\n\t\t\tid\n\t\t\tstock {\n\t\t\t\tavailable\n\t\t\t}\n\t\t}\n\t}\n": types.PrintStockDocument,
    "\n\tfragment VoucherRowFields on Voucher {\n\t\tid\n\t\tusername\n\t\tpassword\n\t\tstatus\n\t\tprovisioning\n\t\tprovisioningError\n\t\texpiresAt\n\t\treservedUntil\n\t\tprintedAt\n\t\tcreatedAt\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t\tcode\n\t\t}\n\t\ttransaction {\n\t\t\tid\n\t\t\treference\n\t\t\tfullName\n\t\t}\n\t\tusage {\n\t\t\t...VoucherUsageFields\n\t\t}\n\t}\n": types.VoucherRowFieldsFragmentDoc,
    "\n\tquery Vouchers($first: Int, $after: String, $filter: VoucherFilter) {\n\t\tvouchers(first: $first, after: $after, filter: $filter) {\n\t\t\ttotalCount\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...VoucherRowFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n": types.VouchersDocument,
    "\n\tmutation GenerateVouchers($input: GenerateVouchersInput!) {\n\t\tgenerateVouchers(input: $input) {\n\t\t\tcount\n\t\t}\n\t}\n": types.GenerateVouchersDocument,
    "\n\tmutation ImportVouchers($input: ImportVouchersInput!) {\n\t\timportVouchers(input: $input) {\n\t\t\timported\n\t\t\tskipped\n\t\t}\n\t}\n": types.ImportVouchersDocument,
    "\n\tmutation DisableVoucher($id: ID!) {\n\t\tdisableVoucher(id: $id) {\n\t\t\tid\n\t\t\tstatus\n\t\t\tprovisioning\n\t\t}\n\t}\n": types.DisableVoucherDocument,
    "\n\tquery RouterOptions {\n\t\trouters {\n\t\t\tid\n\t\t\tname\n\t\t\thost\n\t\t\tstatus\n\t\t\tisDefault\n\t\t}\n\t}\n": types.RouterOptionsDocument,
    "\n\tmutation SellPrintedVoucher($input: SellPrintedVoucherInput!) {\n\t\tsellPrintedVoucher(input: $input) {\n\t\t\tid\n\t\t\treference\n\t\t\tstatus\n\t\t\tamount {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t\tallocation {\n\t\t\t\tid\n\t\t\t\tname\n\t\t\t}\n\t\t\tvoucher {\n\t\t\t\tid\n\t\t\t\tusername\n\t\t\t}\n\t\t}\n\t}\n": types.SellPrintedVoucherDocument,
    "\n\tquery VoucherStock {\n\t\tallocations(includeInactive: true) {\n\t\t\tid\n\t\t\tname\n\t\t\tactive\n\t\t\tstock {\n\t\t\t\t...VoucherStockFields\n\t\t\t}\n\t\t}\n\t}\n": types.VoucherStockDocument,
    "\n\tquery BuyAllocations {\n\t\tallocations {\n\t\t\t...AllocationOfferFields\n\t\t}\n\t}\n": types.BuyAllocationsDocument,
    "\n\tfragment BuyTransactionFields on Transaction {\n\t\tid\n\t\treference\n\t\tstatus\n\t\tfullName\n\t\tphoneNumber\n\t\tfailureReason\n\t\tvoucherDelivered\n\t\tpaidAt\n\t\tcreatedAt\n\t\tamount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t\tdataLimitMb\n\t\t\tuptimeLimit\n\t\t\tvalidityHours\n\t\t}\n\t\tvoucher {\n\t\t\tid\n\t\t\tusername\n\t\t\tpassword\n\t\t\texpiresAt\n\t\t}\n\t}\n": types.BuyTransactionFieldsFragmentDoc,
    "\n\tmutation BuyPurchase($input: PurchaseInput!) {\n\t\tpurchase(input: $input) {\n\t\t\tinstructions\n\t\t\ttransaction {\n\t\t\t\t...BuyTransactionFields\n\t\t\t}\n\t\t}\n\t}\n": types.BuyPurchaseDocument,
    "\n\tquery TransactionByReference($reference: String!) {\n\t\ttransactionByReference(reference: $reference) {\n\t\t\t...BuyTransactionFields\n\t\t}\n\t}\n": types.TransactionByReferenceDocument,
    "\n\tquery BuyAppInfo {\n\t\tappInfo {\n\t\t\thotspotLoginUrl\n\t\t\tpaymentProvider\n\t\t\ttimeZone\n\t\t\tshopName\n\t\t\treceiptFooter\n\t\t}\n\t}\n": types.BuyAppInfoDocument,
    "\n\tmutation ReportProblem($reference: String!, $message: String!) {\n\t\treportProblem(reference: $reference, message: $message) {\n\t\t\tmessage\n\t\t\talreadyOpen\n\t\t}\n\t}\n": types.ReportProblemDocument,
    "\n\t\tmutation Login($username: String!, $password: String!) {\n\t\t\tlogin(username: $username, password: $password) {\n\t\t\t\ttoken\n\t\t\t\tuser {\n\t\t\t\t\tid\n\t\t\t\t\tusername\n\t\t\t\t\trole\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t": types.LoginDocument,
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
export function graphql(source: "\n\tquery AllocationOptions {\n\t\tallocations(includeInactive: true) {\n\t\t\tid\n\t\t\tname\n\t\t\tcode\n\t\t\tactive\n\t\t\tprice {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery AllocationOptions {\n\t\tallocations(includeInactive: true) {\n\t\t\tid\n\t\t\tname\n\t\t\tcode\n\t\t\tactive\n\t\t\tprice {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery AppInfo {\n\t\tappInfo {\n\t\t\tcurrency\n\t\t\tpaymentProvider\n\t\t\thotspotLoginUrl\n\t\t\ttimeZone\n\t\t\tshopName\n\t\t\treceiptFooter\n\t\t\tcardsPerPage\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery AppInfo {\n\t\tappInfo {\n\t\t\tcurrency\n\t\t\tpaymentProvider\n\t\t\thotspotLoginUrl\n\t\t\ttimeZone\n\t\t\tshopName\n\t\t\treceiptFooter\n\t\t\tcardsPerPage\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery DashboardZone {\n\t\tdashboard {\n\t\t\ttimeZone\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery DashboardZone {\n\t\tdashboard {\n\t\t\ttimeZone\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery Dashboard($from: DateTime, $to: DateTime, $granularity: Granularity!, $money: Boolean!) {\n\t\tdashboard(from: $from, to: $to) {\n\t\t\tfrom\n\t\t\tto\n\t\t\ttimeZone\n\t\t\tsales\n\t\t\trefunds\n\t\t\trefundRate\n\t\t\tnewCustomers\n\t\t\trepeatSales\n\t\t\tvouchersAvailable\n\t\t\trevenue @include(if: $money) { amountMinor currency }\n\t\t\trefundedAmount @include(if: $money) { amountMinor currency }\n\t\t\taverageSale @include(if: $money) { amountMinor currency }\n\t\t\tpreviousPeriod {\n\t\t\t\tsales\n\t\t\t\trefunds\n\t\t\t\tnewCustomers\n\t\t\t\trevenue @include(if: $money) { amountMinor }\n\t\t\t\trefundedAmount @include(if: $money) { amountMinor }\n\t\t\t}\n\t\t\ttoday { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tyesterday { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tthisWeek { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tlastWeek { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tseries(granularity: $granularity) {\n\t\t\t\tbucket\n\t\t\t\tsales\n\t\t\t\trefunds\n\t\t\t\tnewCustomers\n\t\t\t\trevenue @include(if: $money) { amountMinor }\n\t\t\t\trefundedAmount @include(if: $money) { amountMinor }\n\t\t\t}\n\t\t\tsalesByAllocation { allocation { id name } sales refunds revenue @include(if: $money) { amountMinor } }\n\t\t\tsalesByHour { hour sales revenue @include(if: $money) { amountMinor } }\n\t\t\tproviderSplit { provider sales revenue @include(if: $money) { amountMinor } }\n\t\t\tstock { allocation { id name active } available reserved sold soldLast7Days daysLeft warning }\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery Dashboard($from: DateTime, $to: DateTime, $granularity: Granularity!, $money: Boolean!) {\n\t\tdashboard(from: $from, to: $to) {\n\t\t\tfrom\n\t\t\tto\n\t\t\ttimeZone\n\t\t\tsales\n\t\t\trefunds\n\t\t\trefundRate\n\t\t\tnewCustomers\n\t\t\trepeatSales\n\t\t\tvouchersAvailable\n\t\t\trevenue @include(if: $money) { amountMinor currency }\n\t\t\trefundedAmount @include(if: $money) { amountMinor currency }\n\t\t\taverageSale @include(if: $money) { amountMinor currency }\n\t\t\tpreviousPeriod {\n\t\t\t\tsales\n\t\t\t\trefunds\n\t\t\t\tnewCustomers\n\t\t\t\trevenue @include(if: $money) { amountMinor }\n\t\t\t\trefundedAmount @include(if: $money) { amountMinor }\n\t\t\t}\n\t\t\ttoday { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tyesterday { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tthisWeek { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tlastWeek { sales revenue @include(if: $money) { amountMinor } }\n\t\t\tseries(granularity: $granularity) {\n\t\t\t\tbucket\n\t\t\t\tsales\n\t\t\t\trefunds\n\t\t\t\tnewCustomers\n\t\t\t\trevenue @include(if: $money) { amountMinor }\n\t\t\t\trefundedAmount @include(if: $money) { amountMinor }\n\t\t\t}\n\t\t\tsalesByAllocation { allocation { id name } sales refunds revenue @include(if: $money) { amountMinor } }\n\t\t\tsalesByHour { hour sales revenue @include(if: $money) { amountMinor } }\n\t\t\tproviderSplit { provider sales revenue @include(if: $money) { amountMinor } }\n\t\t\tstock { allocation { id name active } available reserved sold soldLast7Days daysLeft warning }\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment MoneyFields on Money {\n\t\tamountMinor\n\t\tcurrency\n\t\tformatted\n\t}\n"): (typeof documents)["\n\tfragment MoneyFields on Money {\n\t\tamountMinor\n\t\tcurrency\n\t\tformatted\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment PageInfoFields on PageInfo {\n\t\thasNextPage\n\t\tendCursor\n\t}\n"): (typeof documents)["\n\tfragment PageInfoFields on PageInfo {\n\t\thasNextPage\n\t\tendCursor\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment VoucherUsageFields on VoucherUsage {\n\t\tbytesIn\n\t\tbytesOut\n\t\tuptime\n\t\tsyncedAt\n\t}\n"): (typeof documents)["\n\tfragment VoucherUsageFields on VoucherUsage {\n\t\tbytesIn\n\t\tbytesOut\n\t\tuptime\n\t\tsyncedAt\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment AllocationOfferFields on Allocation {\n\t\tid\n\t\tname\n\t\tprice {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tdataLimitMb\n\t\tuptimeLimit\n\t\tvalidityHours\n\t}\n"): (typeof documents)["\n\tfragment AllocationOfferFields on Allocation {\n\t\tid\n\t\tname\n\t\tprice {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tdataLimitMb\n\t\tuptimeLimit\n\t\tvalidityHours\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment VoucherStockFields on VoucherStock {\n\t\tavailable\n\t\treserved\n\t\tprinted\n\t\tsold\n\t}\n"): (typeof documents)["\n\tfragment VoucherStockFields on VoucherStock {\n\t\tavailable\n\t\treserved\n\t\tprinted\n\t\tsold\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment ModelChangeFields on ModelEvent {\n\t\tsequence\n\t\tmodel\n\t\trecordId\n\t\taction\n\t}\n"): (typeof documents)["\n\tfragment ModelChangeFields on ModelEvent {\n\t\tsequence\n\t\tmodel\n\t\trecordId\n\t\taction\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tsubscription ModelSaved($models: [String!]) {\n\t\tmodelSaved(models: $models) {\n\t\t\t...ModelChangeFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tsubscription ModelSaved($models: [String!]) {\n\t\tmodelSaved(models: $models) {\n\t\t\t...ModelChangeFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tsubscription ModelDeleted($models: [String!]) {\n\t\tmodelDeleted(models: $models) {\n\t\t\t...ModelChangeFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tsubscription ModelDeleted($models: [String!]) {\n\t\tmodelDeleted(models: $models) {\n\t\t\t...ModelChangeFields\n\t\t}\n\t}\n"];
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
export function graphql(source: "\n\tfragment AllocationFields on Allocation {\n\t\t...AllocationOfferFields\n\t\tcode\n\t\trouterProfile\n\t\tsharedUsers\n\t\tactive\n\t\tcreatedAt\n\t\tupdatedAt\n\t\tstock {\n\t\t\t...VoucherStockFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tfragment AllocationFields on Allocation {\n\t\t...AllocationOfferFields\n\t\tcode\n\t\trouterProfile\n\t\tsharedUsers\n\t\tactive\n\t\tcreatedAt\n\t\tupdatedAt\n\t\tstock {\n\t\t\t...VoucherStockFields\n\t\t}\n\t}\n"];
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
export function graphql(source: "\n\tquery Backups($first: Int) {\n\t\tbackups(first: $first) {\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\tid\n\t\t\t\t\tcreatedAt\n\t\t\t\t\tfinishedAt\n\t\t\t\t\tformat\n\t\t\t\t\ttrigger\n\t\t\t\t\tsizeBytes\n\t\t\t\t\tsequence\n\t\t\t\t\trows\n\t\t\t\t\ttables {\n\t\t\t\t\t\ttable\n\t\t\t\t\t\trows\n\t\t\t\t\t}\n\t\t\t\t\tdownloadUrl\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t\tbackupSettings {\n\t\t\tschedule\n\t\t\tscheduleFormat\n\t\t\ttimeZone\n\t\t\tnextRunAt\n\t\t\tkeep\n\t\t\tkeepDays\n\t\t\tmaxUploadBytes\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery Backups($first: Int) {\n\t\tbackups(first: $first) {\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\tid\n\t\t\t\t\tcreatedAt\n\t\t\t\t\tfinishedAt\n\t\t\t\t\tformat\n\t\t\t\t\ttrigger\n\t\t\t\t\tsizeBytes\n\t\t\t\t\tsequence\n\t\t\t\t\trows\n\t\t\t\t\ttables {\n\t\t\t\t\t\ttable\n\t\t\t\t\t\trows\n\t\t\t\t\t}\n\t\t\t\t\tdownloadUrl\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t\tbackupSettings {\n\t\t\tschedule\n\t\t\tscheduleFormat\n\t\t\ttimeZone\n\t\t\tnextRunAt\n\t\t\tkeep\n\t\t\tkeepDays\n\t\t\tmaxUploadBytes\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation CreateBackup($format: BackupFormat) {\n\t\tcreateBackup(format: $format) {\n\t\t\tid\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation CreateBackup($format: BackupFormat) {\n\t\tcreateBackup(format: $format) {\n\t\t\tid\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation DeleteBackup($id: ID!) {\n\t\tdeleteBackup(id: $id)\n\t}\n"): (typeof documents)["\n\tmutation DeleteBackup($id: ID!) {\n\t\tdeleteBackup(id: $id)\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tsubscription BackupProgress {\n\t\tbackupProgress {\n\t\t\tbackupId\n\t\t\tformat\n\t\t\ttrigger\n\t\t\tstatus\n\t\t\tdone\n\t\t\ttotal\n\t\t\tfraction\n\t\t\terror\n\t\t}\n\t}\n"): (typeof documents)["\n\tsubscription BackupProgress {\n\t\tbackupProgress {\n\t\t\tbackupId\n\t\t\tformat\n\t\t\ttrigger\n\t\t\tstatus\n\t\t\tdone\n\t\t\ttotal\n\t\t\tfraction\n\t\t\terror\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation ValidateBackup($backupId: ID, $file: File) {\n\t\tvalidateBackup(backupId: $backupId, file: $file) {\n\t\t\tformat\n\t\t\tmigration\n\t\t\tmigratedForward\n\t\t\trows\n\t\t\tsequence\n\t\t\tsizeBytes\n\t\t\ttakenAt\n\t\t\ttables {\n\t\t\t\ttable\n\t\t\t\trows\n\t\t\t\tcurrentRows\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation ValidateBackup($backupId: ID, $file: File) {\n\t\tvalidateBackup(backupId: $backupId, file: $file) {\n\t\t\tformat\n\t\t\tmigration\n\t\t\tmigratedForward\n\t\t\trows\n\t\t\tsequence\n\t\t\tsizeBytes\n\t\t\ttakenAt\n\t\t\ttables {\n\t\t\t\ttable\n\t\t\t\trows\n\t\t\t\tcurrentRows\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment RestoreResultFields on RestoreResult {\n\t\trestoredAt\n\t\treplayed\n\t\tsequence\n\t\treport {\n\t\t\trows\n\t\t\tsequence\n\t\t}\n\t\tsafetyBackup {\n\t\t\tid\n\t\t\tfileName\n\t\t}\n\t}\n"): (typeof documents)["\n\tfragment RestoreResultFields on RestoreResult {\n\t\trestoredAt\n\t\treplayed\n\t\tsequence\n\t\treport {\n\t\t\trows\n\t\t\tsequence\n\t\t}\n\t\tsafetyBackup {\n\t\t\tid\n\t\t\tfileName\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation RestoreBackup($file: File!) {\n\t\trestoreBackup(file: $file) {\n\t\t\t...RestoreResultFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation RestoreBackup($file: File!) {\n\t\trestoreBackup(file: $file) {\n\t\t\t...RestoreResultFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation RestoreToPoint($backupId: ID!, $sequence: Int, $at: DateTime) {\n\t\trestoreToPoint(backupId: $backupId, sequence: $sequence, at: $at) {\n\t\t\t...RestoreResultFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation RestoreToPoint($backupId: ID!, $sequence: Int, $at: DateTime) {\n\t\trestoreToPoint(backupId: $backupId, sequence: $sequence, at: $at) {\n\t\t\t...RestoreResultFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery JournalEnd {\n\t\tjournalStatus {\n\t\t\tenabled\n\t\t\tlastSequence\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery JournalEnd {\n\t\tjournalStatus {\n\t\t\tenabled\n\t\t\tlastSequence\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery DeletedRows($model: String, $first: Int, $after: String) {\n\t\tdeletedRows(model: $model, first: $first, after: $after) {\n\t\t\tnodes {\n\t\t\t\tsequence\n\t\t\t\tmodel\n\t\t\t\trecordId\n\t\t\t\tdeletedAt\n\t\t\t\tactorLabel\n\t\t\t\tvalues\n\t\t\t}\n\t\t\thasMore\n\t\t\tendCursor\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery DeletedRows($model: String, $first: Int, $after: String) {\n\t\tdeletedRows(model: $model, first: $first, after: $after) {\n\t\t\tnodes {\n\t\t\t\tsequence\n\t\t\t\tmodel\n\t\t\t\trecordId\n\t\t\t\tdeletedAt\n\t\t\t\tactorLabel\n\t\t\t\tvalues\n\t\t\t}\n\t\t\thasMore\n\t\t\tendCursor\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation RestoreDeleted($model: String!, $recordId: String!) {\n\t\trestoreDeleted(model: $model, recordId: $recordId) {\n\t\t\tid\n\t\t\tsequence\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation RestoreDeleted($model: String!, $recordId: String!) {\n\t\trestoreDeleted(model: $model, recordId: $recordId) {\n\t\t\tid\n\t\t\tsequence\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment LogEntryFields on LogEntry {\n\t\tid\n\t\tsequence\n\t\tat\n\t\tkind\n\t\tlevel\n\t\tmodel\n\t\trecordId\n\t\tmessage\n\t\tactor {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tactorLabel\n\t\trequestId\n\t\tdata\n\t}\n"): (typeof documents)["\n\tfragment LogEntryFields on LogEntry {\n\t\tid\n\t\tsequence\n\t\tat\n\t\tkind\n\t\tlevel\n\t\tmodel\n\t\trecordId\n\t\tmessage\n\t\tactor {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tactorLabel\n\t\trequestId\n\t\tdata\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery Logs($first: Int, $after: String, $filter: LogFilter) {\n\t\tlogs(first: $first, after: $after, filter: $filter) {\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...LogEntryFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery Logs($first: Int, $after: String, $filter: LogFilter) {\n\t\tlogs(first: $first, after: $after, filter: $filter) {\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...LogEntryFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tsubscription LogAdded($filter: LogFilter, $since: Int) {\n\t\tlogAdded(filter: $filter, since: $since) {\n\t\t\t...LogEntryFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tsubscription LogAdded($filter: LogFilter, $since: Int) {\n\t\tlogAdded(filter: $filter, since: $since) {\n\t\t\t...LogEntryFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment RefundRowFields on Refund {\n\t\tid\n\t\tamount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\treason\n\t\tstatus\n\t\tsource\n\t\trequestedBy {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tdecidedBy {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tdecidedAt\n\t\tdecisionNote\n\t\tproviderReference\n\t\tfailureReason\n\t\tcompletedAt\n\t\tcreatedAt\n\t}\n"): (typeof documents)["\n\tfragment RefundRowFields on Refund {\n\t\tid\n\t\tamount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\treason\n\t\tstatus\n\t\tsource\n\t\trequestedBy {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tdecidedBy {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tdecidedAt\n\t\tdecisionNote\n\t\tproviderReference\n\t\tfailureReason\n\t\tcompletedAt\n\t\tcreatedAt\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment RefundSaleFields on Transaction {\n\t\tid\n\t\treference\n\t\tfullName\n\t\tphoneNumber\n\t\tprovider\n\t\tstatus\n\t\tamount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\trefundedAmount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tvoucher {\n\t\t\tid\n\t\t\tusername\n\t\t\tstatus\n\t\t}\n\t}\n"): (typeof documents)["\n\tfragment RefundSaleFields on Transaction {\n\t\tid\n\t\treference\n\t\tfullName\n\t\tphoneNumber\n\t\tprovider\n\t\tstatus\n\t\tamount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\trefundedAmount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tvoucher {\n\t\t\tid\n\t\t\tusername\n\t\t\tstatus\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery Refunds($first: Int, $after: String, $filter: RefundFilter) {\n\t\trefunds(first: $first, after: $after, filter: $filter) {\n\t\t\ttotalCount\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...RefundRowFields\n\t\t\t\t\ttransaction {\n\t\t\t\t\t\t...RefundSaleFields\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery Refunds($first: Int, $after: String, $filter: RefundFilter) {\n\t\trefunds(first: $first, after: $after, filter: $filter) {\n\t\t\ttotalCount\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...RefundRowFields\n\t\t\t\t\ttransaction {\n\t\t\t\t\t\t...RefundSaleFields\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery RefundSummary {\n\t\trefundSummary {\n\t\t\tpendingCount\n\t\t\tpendingAmount {\n\t\t\t\tamountMinor\n\t\t\t\tcurrency\n\t\t\t\tformatted\n\t\t\t}\n\t\t\tfailedCount\n\t\t\trefundedToday {\n\t\t\t\tamountMinor\n\t\t\t\tcurrency\n\t\t\t\tformatted\n\t\t\t}\n\t\t\trefundedTodayCount\n\t\t\trefundedThisWeek {\n\t\t\t\tamountMinor\n\t\t\t\tcurrency\n\t\t\t\tformatted\n\t\t\t}\n\t\t\trefundedThisWeekCount\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery RefundSummary {\n\t\trefundSummary {\n\t\t\tpendingCount\n\t\t\tpendingAmount {\n\t\t\t\tamountMinor\n\t\t\t\tcurrency\n\t\t\t\tformatted\n\t\t\t}\n\t\t\tfailedCount\n\t\t\trefundedToday {\n\t\t\t\tamountMinor\n\t\t\t\tcurrency\n\t\t\t\tformatted\n\t\t\t}\n\t\t\trefundedTodayCount\n\t\t\trefundedThisWeek {\n\t\t\t\tamountMinor\n\t\t\t\tcurrency\n\t\t\t\tformatted\n\t\t\t}\n\t\t\trefundedThisWeekCount\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation ApproveRefund($id: ID!, $note: String) {\n\t\tapproveRefund(id: $id, note: $note) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation ApproveRefund($id: ID!, $note: String) {\n\t\tapproveRefund(id: $id, note: $note) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation RejectRefund($id: ID!, $note: String!) {\n\t\trejectRefund(id: $id, note: $note) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation RejectRefund($id: ID!, $note: String!) {\n\t\trejectRefund(id: $id, note: $note) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation RetryRefund($id: ID!) {\n\t\tretryRefund(id: $id) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation RetryRefund($id: ID!) {\n\t\tretryRefund(id: $id) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation RequestRefund($input: RequestRefundInput!) {\n\t\trequestRefund(input: $input) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation RequestRefund($input: RequestRefundInput!) {\n\t\trequestRefund(input: $input) {\n\t\t\t...RefundRowFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery Routers {\n\t\trouters {\n\t\t\tid\n\t\t\tname\n\t\t\thost\n\t\t\tport\n\t\t\ttls\n\t\t\tusername\n\t\t\thotspotServer\n\t\t\tisDefault\n\t\t\tstatus\n\t\t\tlastSeenAt\n\t\t\tlastError\n\t\t\tidentity\n\t\t\tversion\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery Routers {\n\t\trouters {\n\t\t\tid\n\t\t\tname\n\t\t\thost\n\t\t\tport\n\t\t\ttls\n\t\t\tusername\n\t\t\thotspotServer\n\t\t\tisDefault\n\t\t\tstatus\n\t\t\tlastSeenAt\n\t\t\tlastError\n\t\t\tidentity\n\t\t\tversion\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment ShopSettingsFields on ShopSettings {\n\t\tshopName\n\t\ttimeZone\n\t\thotspotLoginUrl\n\t\tsmsSender\n\t\treceiptFooter\n\t\tcardsPerPage\n\t\tcardsPerPageChoices\n\t\tfields {\n\t\t\tkey\n\t\t\tlabel\n\t\t\tenvironmentVariable\n\t\t\tsource\n\t\t\tvalue\n\t\t\tenvironmentDefault\n\t\t\tupdatedAt\n\t\t}\n\t}\n"): (typeof documents)["\n\tfragment ShopSettingsFields on ShopSettings {\n\t\tshopName\n\t\ttimeZone\n\t\thotspotLoginUrl\n\t\tsmsSender\n\t\treceiptFooter\n\t\tcardsPerPage\n\t\tcardsPerPageChoices\n\t\tfields {\n\t\t\tkey\n\t\t\tlabel\n\t\t\tenvironmentVariable\n\t\t\tsource\n\t\t\tvalue\n\t\t\tenvironmentDefault\n\t\t\tupdatedAt\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery ShopSettings {\n\t\tshopSettings {\n\t\t\t...ShopSettingsFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery ShopSettings {\n\t\tshopSettings {\n\t\t\t...ShopSettingsFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation UpdateShopSettings($input: UpdateShopSettingsInput!) {\n\t\tupdateShopSettings(input: $input) {\n\t\t\t...ShopSettingsFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation UpdateShopSettings($input: UpdateShopSettingsInput!) {\n\t\tupdateShopSettings(input: $input) {\n\t\t\t...ShopSettingsFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\t\tquery TransactionDetail($id: ID!) {\n\t\t\tnode(id: $id) {\n\t\t\t\t... on Transaction {\n\t\t\t\t\tid\n\t\t\t\t\treference\n\t\t\t\t\tfullName\n\t\t\t\t\tphoneNumber\n\t\t\t\t\tnetwork\n\t\t\t\t\tstatus\n\t\t\t\t\tfailureReason\n\t\t\t\t\tprovider\n\t\t\t\t\tproviderReference\n\t\t\t\t\tvoucherDelivered\n\t\t\t\t\tpaidAt\n\t\t\t\t\tcreatedAt\n\t\t\t\t\tupdatedAt\n\t\t\t\t\tamount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\trefundedAmount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\trefundableAmount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\tallocation {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tname\n\t\t\t\t\t\tcode\n\t\t\t\t\t\tdataLimitMb\n\t\t\t\t\t\tvalidityHours\n\t\t\t\t\t\tuptimeLimit\n\t\t\t\t\t}\n\t\t\t\t\tvoucher {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tusername\n\t\t\t\t\t\tpassword\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\trouter {\n\t\t\t\t\t\t\tid\n\t\t\t\t\t\t\tname\n\t\t\t\t\t\t}\n\t\t\t\t\t\tprovisioning\n\t\t\t\t\t\tprovisioningError\n\t\t\t\t\t\texpiresAt\n\t\t\t\t\t\tusage {\n\t\t\t\t\t\t\t...VoucherUsageFields\n\t\t\t\t\t\t}\n\t\t\t\t\t}\n\t\t\t\t\trefunds {\n\t\t\t\t\t\t...RefundRowFields\n\t\t\t\t\t}\n\t\t\t\t\tnotifications {\n\t\t\t\t\t\t...NotificationRowFields\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t"): (typeof documents)["\n\t\tquery TransactionDetail($id: ID!) {\n\t\t\tnode(id: $id) {\n\t\t\t\t... on Transaction {\n\t\t\t\t\tid\n\t\t\t\t\treference\n\t\t\t\t\tfullName\n\t\t\t\t\tphoneNumber\n\t\t\t\t\tnetwork\n\t\t\t\t\tstatus\n\t\t\t\t\tfailureReason\n\t\t\t\t\tprovider\n\t\t\t\t\tproviderReference\n\t\t\t\t\tvoucherDelivered\n\t\t\t\t\tpaidAt\n\t\t\t\t\tcreatedAt\n\t\t\t\t\tupdatedAt\n\t\t\t\t\tamount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\trefundedAmount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\trefundableAmount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\tallocation {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tname\n\t\t\t\t\t\tcode\n\t\t\t\t\t\tdataLimitMb\n\t\t\t\t\t\tvalidityHours\n\t\t\t\t\t\tuptimeLimit\n\t\t\t\t\t}\n\t\t\t\t\tvoucher {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tusername\n\t\t\t\t\t\tpassword\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\trouter {\n\t\t\t\t\t\t\tid\n\t\t\t\t\t\t\tname\n\t\t\t\t\t\t}\n\t\t\t\t\t\tprovisioning\n\t\t\t\t\t\tprovisioningError\n\t\t\t\t\t\texpiresAt\n\t\t\t\t\t\tusage {\n\t\t\t\t\t\t\t...VoucherUsageFields\n\t\t\t\t\t\t}\n\t\t\t\t\t}\n\t\t\t\t\trefunds {\n\t\t\t\t\t\t...RefundRowFields\n\t\t\t\t\t}\n\t\t\t\t\tnotifications {\n\t\t\t\t\t\t...NotificationRowFields\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\t\tfragment NotificationRowFields on Notification {\n\t\t\tid\n\t\t\tchannel\n\t\t\trecipient\n\t\t\tstatus\n\t\t\tattempts\n\t\t\tlastError\n\t\t\tsentAt\n\t\t\tcreatedAt\n\t\t}\n\t"): (typeof documents)["\n\t\tfragment NotificationRowFields on Notification {\n\t\t\tid\n\t\t\tchannel\n\t\t\trecipient\n\t\t\tstatus\n\t\t\tattempts\n\t\t\tlastError\n\t\t\tsentAt\n\t\t\tcreatedAt\n\t\t}\n\t"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\t\tmutation ResendVoucher($transactionId: ID!) {\n\t\t\tresendVoucher(transactionId: $transactionId) {\n\t\t\t\tid\n\t\t\t\tnotifications {\n\t\t\t\t\t...NotificationRowFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t"): (typeof documents)["\n\t\tmutation ResendVoucher($transactionId: ID!) {\n\t\t\tresendVoucher(transactionId: $transactionId) {\n\t\t\t\tid\n\t\t\t\tnotifications {\n\t\t\t\t\t...NotificationRowFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\t\tquery TransactionReceipt($id: ID!) {\n\t\t\tnode(id: $id) {\n\t\t\t\t... on Transaction {\n\t\t\t\t\tid\n\t\t\t\t\treference\n\t\t\t\t\tfullName\n\t\t\t\t\tphoneNumber\n\t\t\t\t\tstatus\n\t\t\t\t\tprovider\n\t\t\t\t\tproviderReference\n\t\t\t\t\tpaidAt\n\t\t\t\t\tcreatedAt\n\t\t\t\t\tamount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\trefundedAmount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\tallocation {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tname\n\t\t\t\t\t\tdataLimitMb\n\t\t\t\t\t\tvalidityHours\n\t\t\t\t\t\tuptimeLimit\n\t\t\t\t\t}\n\t\t\t\t\tsoldBy {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tusername\n\t\t\t\t\t}\n\t\t\t\t\tvoucher {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tusername\n\t\t\t\t\t\tpassword\n\t\t\t\t\t\texpiresAt\n\t\t\t\t\t}\n\t\t\t\t\trefunds {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\tcreatedAt\n\t\t\t\t\t\tcompletedAt\n\t\t\t\t\t\tamount {\n\t\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t\t}\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t"): (typeof documents)["\n\t\tquery TransactionReceipt($id: ID!) {\n\t\t\tnode(id: $id) {\n\t\t\t\t... on Transaction {\n\t\t\t\t\tid\n\t\t\t\t\treference\n\t\t\t\t\tfullName\n\t\t\t\t\tphoneNumber\n\t\t\t\t\tstatus\n\t\t\t\t\tprovider\n\t\t\t\t\tproviderReference\n\t\t\t\t\tpaidAt\n\t\t\t\t\tcreatedAt\n\t\t\t\t\tamount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\trefundedAmount {\n\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t}\n\t\t\t\t\tallocation {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tname\n\t\t\t\t\t\tdataLimitMb\n\t\t\t\t\t\tvalidityHours\n\t\t\t\t\t\tuptimeLimit\n\t\t\t\t\t}\n\t\t\t\t\tsoldBy {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tusername\n\t\t\t\t\t}\n\t\t\t\t\tvoucher {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tusername\n\t\t\t\t\t\tpassword\n\t\t\t\t\t\texpiresAt\n\t\t\t\t\t}\n\t\t\t\t\trefunds {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\tcreatedAt\n\t\t\t\t\t\tcompletedAt\n\t\t\t\t\t\tamount {\n\t\t\t\t\t\t\t...MoneyFields\n\t\t\t\t\t\t}\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment CashUpRowFields on CashUpRow {\n\t\tday\n\t\tstaffId\n\t\tstaffName\n\t\tprovider\n\t\tcount\n\t\tgross {\n\t\t\t...MoneyFields\n\t\t}\n\t\trefunded {\n\t\t\t...MoneyFields\n\t\t}\n\t\tnet {\n\t\t\t...MoneyFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tfragment CashUpRowFields on CashUpRow {\n\t\tday\n\t\tstaffId\n\t\tstaffName\n\t\tprovider\n\t\tcount\n\t\tgross {\n\t\t\t...MoneyFields\n\t\t}\n\t\trefunded {\n\t\t\t...MoneyFields\n\t\t}\n\t\tnet {\n\t\t\t...MoneyFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery CashUp($from: String!, $to: String!) {\n\t\tcashUp(from: $from, to: $to) {\n\t\t\tfrom\n\t\t\tto\n\t\t\ttimeZone\n\t\t\tstaffId\n\t\t\ttotal {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tdays {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tstaff {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tproviders {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tlines {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery CashUp($from: String!, $to: String!) {\n\t\tcashUp(from: $from, to: $to) {\n\t\t\tfrom\n\t\t\tto\n\t\t\ttimeZone\n\t\t\tstaffId\n\t\t\ttotal {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tdays {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tstaff {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tproviders {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t\tlines {\n\t\t\t\t...CashUpRowFields\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment TransactionRowFields on Transaction {\n\t\tid\n\t\treference\n\t\tfullName\n\t\tphoneNumber\n\t\tnetwork\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t}\n\t\tamount {\n\t\t\t...MoneyFields\n\t\t}\n\t\tstatus\n\t\tprovider\n\t\tproviderReference\n\t\tvoucherDelivered\n\t\tvoucher {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tcreatedAt\n\t\tpaidAt\n\t}\n"): (typeof documents)["\n\tfragment TransactionRowFields on Transaction {\n\t\tid\n\t\treference\n\t\tfullName\n\t\tphoneNumber\n\t\tnetwork\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t}\n\t\tamount {\n\t\t\t...MoneyFields\n\t\t}\n\t\tstatus\n\t\tprovider\n\t\tproviderReference\n\t\tvoucherDelivered\n\t\tvoucher {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t\tcreatedAt\n\t\tpaidAt\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery Transactions($first: Int, $after: String, $filter: TransactionFilter) {\n\t\ttransactions(first: $first, after: $after, filter: $filter) {\n\t\t\ttotalCount\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...TransactionRowFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery Transactions($first: Int, $after: String, $filter: TransactionFilter) {\n\t\ttransactions(first: $first, after: $after, filter: $filter) {\n\t\t\ttotalCount\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...TransactionRowFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation Purchase($input: PurchaseInput!) {\n\t\tpurchase(input: $input) {\n\t\t\tinstructions\n\t\t\ttransaction {\n\t\t\t\tid\n\t\t\t\treference\n\t\t\t\tstatus\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation Purchase($input: PurchaseInput!) {\n\t\tpurchase(input: $input) {\n\t\t\tinstructions\n\t\t\ttransaction {\n\t\t\t\tid\n\t\t\t\treference\n\t\t\t\tstatus\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation ConfirmPayment($input: ConfirmPaymentInput!) {\n\t\tconfirmPayment(input: $input) {\n\t\t\tid\n\t\t\treference\n\t\t\tstatus\n\t\t\tfailureReason\n\t\t\tvoucher {\n\t\t\t\tid\n\t\t\t\tusername\n\t\t\t\tpassword\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation ConfirmPayment($input: ConfirmPaymentInput!) {\n\t\tconfirmPayment(input: $input) {\n\t\t\tid\n\t\t\treference\n\t\t\tstatus\n\t\t\tfailureReason\n\t\t\tvoucher {\n\t\t\t\tid\n\t\t\t\tusername\n\t\t\t\tpassword\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery TransactionTotals($filter: TransactionFilter, $money: Boolean!) {\n\t\ttransactionTotals(filter: $filter) {\n\t\t\tcount\n\t\t\tpaidCount\n\t\t\tgross @include(if: $money) {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t\trefunded @include(if: $money) {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t\tnet @include(if: $money) {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery TransactionTotals($filter: TransactionFilter, $money: Boolean!) {\n\t\ttransactionTotals(filter: $filter) {\n\t\t\tcount\n\t\t\tpaidCount\n\t\t\tgross @include(if: $money) {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t\trefunded @include(if: $money) {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t\tnet @include(if: $money) {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery Users {\n\t\tusers {\n\t\t\tid\n\t\t\tusername\n\t\t\temail\n\t\t\tphoneNumber\n\t\t\trole\n\t\t\tcreatedAt\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery Users {\n\t\tusers {\n\t\t\tid\n\t\t\tusername\n\t\t\temail\n\t\t\tphoneNumber\n\t\t\trole\n\t\t\tcreatedAt\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation CreateUser($input: CreateUserInput!) {\n\t\tcreateUser(input: $input) {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation CreateUser($input: CreateUserInput!) {\n\t\tcreateUser(input: $input) {\n\t\t\tid\n\t\t\tusername\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation DeleteUser($id: ID!) {\n\t\tdeleteUser(id: $id)\n\t}\n"): (typeof documents)["\n\tmutation DeleteUser($id: ID!) {\n\t\tdeleteUser(id: $id)\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery ApiKeys {\n\t\tapiKeys {\n\t\t\tid\n\t\t\tname\n\t\t\trole\n\t\t\tprefix\n\t\t\tcreatedAt\n\t\t\tlastUsedAt\n\t\t\trevokedAt\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery ApiKeys {\n\t\tapiKeys {\n\t\t\tid\n\t\t\tname\n\t\t\trole\n\t\t\tprefix\n\t\t\tcreatedAt\n\t\t\tlastUsedAt\n\t\t\trevokedAt\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation CreateApiKey($name: String!, $role: Role!) {\n\t\tcreateApiKey(input: { name: $name, role: $role }) {\n\t\t\tkey\n\t\t\tapiKey {\n\t\t\t\tid\n\t\t\t\tname\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation CreateApiKey($name: String!, $role: Role!) {\n\t\tcreateApiKey(input: { name: $name, role: $role }) {\n\t\t\tkey\n\t\t\tapiKey {\n\t\t\t\tid\n\t\t\t\tname\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation RevokeApiKey($id: ID!) {\n\t\trevokeApiKey(id: $id) {\n\t\t\tid\n\t\t\trevokedAt\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation RevokeApiKey($id: ID!) {\n\t\trevokeApiKey(id: $id) {\n\t\t\tid\n\t\t\trevokedAt\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\t\tquery VoucherDetail($id: ID!) {\n\t\t\tnode(id: $id) {\n\t\t\t\t... on Voucher {\n\t\t\t\t\tid\n\t\t\t\t\tusername\n\t\t\t\t\tpassword\n\t\t\t\t\tprintBatch {\n\t\t\t\t\t\tid\n\t\t\t\t\t}\n\t\t\t\t\tstatus\n\t\t\t\t\tprovisioning\n\t\t\t\t\tprovisioningError\n\t\t\t\t\texpiresAt\n\t\t\t\t\tcreatedAt\n\t\t\t\t\trouter {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tname\n\t\t\t\t\t\thost\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\tisDefault\n\t\t\t\t\t\tlastSeenAt\n\t\t\t\t\t}\n\t\t\t\t\tallocation {\n\t\t\t\t\t\t...AllocationOfferFields\n\t\t\t\t\t\tcode\n\t\t\t\t\t}\n\t\t\t\t\ttransaction {\n\t\t\t\t\t\tid\n\t\t\t\t\t\treference\n\t\t\t\t\t\tfullName\n\t\t\t\t\t\tphoneNumber\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\tpaidAt\n\t\t\t\t\t}\n\t\t\t\t\tusage {\n\t\t\t\t\t\t...VoucherUsageFields\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t"): (typeof documents)["\n\t\tquery VoucherDetail($id: ID!) {\n\t\t\tnode(id: $id) {\n\t\t\t\t... on Voucher {\n\t\t\t\t\tid\n\t\t\t\t\tusername\n\t\t\t\t\tpassword\n\t\t\t\t\tprintBatch {\n\t\t\t\t\t\tid\n\t\t\t\t\t}\n\t\t\t\t\tstatus\n\t\t\t\t\tprovisioning\n\t\t\t\t\tprovisioningError\n\t\t\t\t\texpiresAt\n\t\t\t\t\tcreatedAt\n\t\t\t\t\trouter {\n\t\t\t\t\t\tid\n\t\t\t\t\t\tname\n\t\t\t\t\t\thost\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\tisDefault\n\t\t\t\t\t\tlastSeenAt\n\t\t\t\t\t}\n\t\t\t\t\tallocation {\n\t\t\t\t\t\t...AllocationOfferFields\n\t\t\t\t\t\tcode\n\t\t\t\t\t}\n\t\t\t\t\ttransaction {\n\t\t\t\t\t\tid\n\t\t\t\t\t\treference\n\t\t\t\t\t\tfullName\n\t\t\t\t\t\tphoneNumber\n\t\t\t\t\t\tstatus\n\t\t\t\t\t\tpaidAt\n\t\t\t\t\t}\n\t\t\t\t\tusage {\n\t\t\t\t\t\t...VoucherUsageFields\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment PrintCardFields on Voucher {\n\t\tid\n\t\tusername\n\t\tpassword\n\t\tstatus\n\t\tallocation {\n\t\t\tname\n\t\t\tdataLimitMb\n\t\t\tuptimeLimit\n\t\t\tvalidityHours\n\t\t\tprice {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tfragment PrintCardFields on Voucher {\n\t\tid\n\t\tusername\n\t\tpassword\n\t\tstatus\n\t\tallocation {\n\t\t\tname\n\t\t\tdataLimitMb\n\t\t\tuptimeLimit\n\t\t\tvalidityHours\n\t\t\tprice {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment PrintBatchFields on PrintBatch {\n\t\tid\n\t\tcount\n\t\tunsold\n\t\tcreatedAt\n\t\tprintedBy {\n\t\t\tusername\n\t\t}\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t}\n\t}\n"): (typeof documents)["\n\tfragment PrintBatchFields on PrintBatch {\n\t\tid\n\t\tcount\n\t\tunsold\n\t\tcreatedAt\n\t\tprintedBy {\n\t\t\tusername\n\t\t}\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation PrintVouchers($input: PrintVouchersInput!) {\n\t\tprintVouchers(input: $input) {\n\t\t\t...PrintBatchFields\n\t\t\tvouchers {\n\t\t\t\t...PrintCardFields\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation PrintVouchers($input: PrintVouchersInput!) {\n\t\tprintVouchers(input: $input) {\n\t\t\t...PrintBatchFields\n\t\t\tvouchers {\n\t\t\t\t...PrintCardFields\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery PrintBatch($id: ID!) {\n\t\tprintBatch(id: $id) {\n\t\t\t...PrintBatchFields\n\t\t\tvouchers {\n\t\t\t\t...PrintCardFields\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery PrintBatch($id: ID!) {\n\t\tprintBatch(id: $id) {\n\t\t\t...PrintBatchFields\n\t\t\tvouchers {\n\t\t\t\t...PrintCardFields\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery RecentPrintBatches {\n\t\tprintBatches(first: 12) {\n\t\t\t...PrintBatchFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery RecentPrintBatches {\n\t\tprintBatches(first: 12) {\n\t\t\t...PrintBatchFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery PrintStock {\n\t\tallocations(includeInactive: true) {\n\t\t\tid\n\t\t\tstock {\n\t\t\t\tavailable\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery PrintStock {\n\t\tallocations(includeInactive: true) {\n\t\t\tid\n\t\t\tstock {\n\t\t\t\tavailable\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment VoucherRowFields on Voucher {\n\t\tid\n\t\tusername\n\t\tpassword\n\t\tstatus\n\t\tprovisioning\n\t\tprovisioningError\n\t\texpiresAt\n\t\treservedUntil\n\t\tprintedAt\n\t\tcreatedAt\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t\tcode\n\t\t}\n\t\ttransaction {\n\t\t\tid\n\t\t\treference\n\t\t\tfullName\n\t\t}\n\t\tusage {\n\t\t\t...VoucherUsageFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tfragment VoucherRowFields on Voucher {\n\t\tid\n\t\tusername\n\t\tpassword\n\t\tstatus\n\t\tprovisioning\n\t\tprovisioningError\n\t\texpiresAt\n\t\treservedUntil\n\t\tprintedAt\n\t\tcreatedAt\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t\tcode\n\t\t}\n\t\ttransaction {\n\t\t\tid\n\t\t\treference\n\t\t\tfullName\n\t\t}\n\t\tusage {\n\t\t\t...VoucherUsageFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery Vouchers($first: Int, $after: String, $filter: VoucherFilter) {\n\t\tvouchers(first: $first, after: $after, filter: $filter) {\n\t\t\ttotalCount\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...VoucherRowFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery Vouchers($first: Int, $after: String, $filter: VoucherFilter) {\n\t\tvouchers(first: $first, after: $after, filter: $filter) {\n\t\t\ttotalCount\n\t\t\tpageInfo {\n\t\t\t\t...PageInfoFields\n\t\t\t}\n\t\t\tedges {\n\t\t\t\tnode {\n\t\t\t\t\t...VoucherRowFields\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation GenerateVouchers($input: GenerateVouchersInput!) {\n\t\tgenerateVouchers(input: $input) {\n\t\t\tcount\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation GenerateVouchers($input: GenerateVouchersInput!) {\n\t\tgenerateVouchers(input: $input) {\n\t\t\tcount\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation ImportVouchers($input: ImportVouchersInput!) {\n\t\timportVouchers(input: $input) {\n\t\t\timported\n\t\t\tskipped\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation ImportVouchers($input: ImportVouchersInput!) {\n\t\timportVouchers(input: $input) {\n\t\t\timported\n\t\t\tskipped\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation DisableVoucher($id: ID!) {\n\t\tdisableVoucher(id: $id) {\n\t\t\tid\n\t\t\tstatus\n\t\t\tprovisioning\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation DisableVoucher($id: ID!) {\n\t\tdisableVoucher(id: $id) {\n\t\t\tid\n\t\t\tstatus\n\t\t\tprovisioning\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery RouterOptions {\n\t\trouters {\n\t\t\tid\n\t\t\tname\n\t\t\thost\n\t\t\tstatus\n\t\t\tisDefault\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery RouterOptions {\n\t\trouters {\n\t\t\tid\n\t\t\tname\n\t\t\thost\n\t\t\tstatus\n\t\t\tisDefault\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation SellPrintedVoucher($input: SellPrintedVoucherInput!) {\n\t\tsellPrintedVoucher(input: $input) {\n\t\t\tid\n\t\t\treference\n\t\t\tstatus\n\t\t\tamount {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t\tallocation {\n\t\t\t\tid\n\t\t\t\tname\n\t\t\t}\n\t\t\tvoucher {\n\t\t\t\tid\n\t\t\t\tusername\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation SellPrintedVoucher($input: SellPrintedVoucherInput!) {\n\t\tsellPrintedVoucher(input: $input) {\n\t\t\tid\n\t\t\treference\n\t\t\tstatus\n\t\t\tamount {\n\t\t\t\t...MoneyFields\n\t\t\t}\n\t\t\tallocation {\n\t\t\t\tid\n\t\t\t\tname\n\t\t\t}\n\t\t\tvoucher {\n\t\t\t\tid\n\t\t\t\tusername\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery VoucherStock {\n\t\tallocations(includeInactive: true) {\n\t\t\tid\n\t\t\tname\n\t\t\tactive\n\t\t\tstock {\n\t\t\t\t...VoucherStockFields\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery VoucherStock {\n\t\tallocations(includeInactive: true) {\n\t\t\tid\n\t\t\tname\n\t\t\tactive\n\t\t\tstock {\n\t\t\t\t...VoucherStockFields\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery BuyAllocations {\n\t\tallocations {\n\t\t\t...AllocationOfferFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery BuyAllocations {\n\t\tallocations {\n\t\t\t...AllocationOfferFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tfragment BuyTransactionFields on Transaction {\n\t\tid\n\t\treference\n\t\tstatus\n\t\tfullName\n\t\tphoneNumber\n\t\tfailureReason\n\t\tvoucherDelivered\n\t\tpaidAt\n\t\tcreatedAt\n\t\tamount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t\tdataLimitMb\n\t\t\tuptimeLimit\n\t\t\tvalidityHours\n\t\t}\n\t\tvoucher {\n\t\t\tid\n\t\t\tusername\n\t\t\tpassword\n\t\t\texpiresAt\n\t\t}\n\t}\n"): (typeof documents)["\n\tfragment BuyTransactionFields on Transaction {\n\t\tid\n\t\treference\n\t\tstatus\n\t\tfullName\n\t\tphoneNumber\n\t\tfailureReason\n\t\tvoucherDelivered\n\t\tpaidAt\n\t\tcreatedAt\n\t\tamount {\n\t\t\tamountMinor\n\t\t\tcurrency\n\t\t\tformatted\n\t\t}\n\t\tallocation {\n\t\t\tid\n\t\t\tname\n\t\t\tdataLimitMb\n\t\t\tuptimeLimit\n\t\t\tvalidityHours\n\t\t}\n\t\tvoucher {\n\t\t\tid\n\t\t\tusername\n\t\t\tpassword\n\t\t\texpiresAt\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation BuyPurchase($input: PurchaseInput!) {\n\t\tpurchase(input: $input) {\n\t\t\tinstructions\n\t\t\ttransaction {\n\t\t\t\t...BuyTransactionFields\n\t\t\t}\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation BuyPurchase($input: PurchaseInput!) {\n\t\tpurchase(input: $input) {\n\t\t\tinstructions\n\t\t\ttransaction {\n\t\t\t\t...BuyTransactionFields\n\t\t\t}\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery TransactionByReference($reference: String!) {\n\t\ttransactionByReference(reference: $reference) {\n\t\t\t...BuyTransactionFields\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery TransactionByReference($reference: String!) {\n\t\ttransactionByReference(reference: $reference) {\n\t\t\t...BuyTransactionFields\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tquery BuyAppInfo {\n\t\tappInfo {\n\t\t\thotspotLoginUrl\n\t\t\tpaymentProvider\n\t\t\ttimeZone\n\t\t\tshopName\n\t\t\treceiptFooter\n\t\t}\n\t}\n"): (typeof documents)["\n\tquery BuyAppInfo {\n\t\tappInfo {\n\t\t\thotspotLoginUrl\n\t\t\tpaymentProvider\n\t\t\ttimeZone\n\t\t\tshopName\n\t\t\treceiptFooter\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\tmutation ReportProblem($reference: String!, $message: String!) {\n\t\treportProblem(reference: $reference, message: $message) {\n\t\t\tmessage\n\t\t\talreadyOpen\n\t\t}\n\t}\n"): (typeof documents)["\n\tmutation ReportProblem($reference: String!, $message: String!) {\n\t\treportProblem(reference: $reference, message: $message) {\n\t\t\tmessage\n\t\t\talreadyOpen\n\t\t}\n\t}\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n\t\tmutation Login($username: String!, $password: String!) {\n\t\t\tlogin(username: $username, password: $password) {\n\t\t\t\ttoken\n\t\t\t\tuser {\n\t\t\t\t\tid\n\t\t\t\t\tusername\n\t\t\t\t\trole\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t"): (typeof documents)["\n\t\tmutation Login($username: String!, $password: String!) {\n\t\t\tlogin(username: $username, password: $password) {\n\t\t\t\ttoken\n\t\t\t\tuser {\n\t\t\t\t\tid\n\t\t\t\t\tusername\n\t\t\t\t\trole\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;