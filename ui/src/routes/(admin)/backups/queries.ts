import { graphql } from '$lib/graphql/generated';

export const BackupsDoc = graphql(`
	query Backups($first: Int) {
		backups(first: $first) {
			edges {
				node {
					id
					createdAt
					finishedAt
					format
					trigger
					sizeBytes
					sequence
					rows
					tables {
						table
						rows
					}
					downloadUrl
				}
			}
		}
		backupSettings {
			schedule
			scheduleFormat
			timeZone
			nextRunAt
			keep
			keepDays
			maxUploadBytes
		}
	}
`);

export const CreateBackupDoc = graphql(`
	mutation CreateBackup($format: BackupFormat) {
		createBackup(format: $format) {
			id
		}
	}
`);

export const DeleteBackupDoc = graphql(`
	mutation DeleteBackup($id: ID!) {
		deleteBackup(id: $id)
	}
`);

export const BackupProgressDoc = graphql(`
	subscription BackupProgress {
		backupProgress {
			backupId
			format
			trigger
			status
			done
			total
			fraction
			error
		}
	}
`);

export const ValidateBackupDoc = graphql(`
	mutation ValidateBackup($backupId: ID, $file: File) {
		validateBackup(backupId: $backupId, file: $file) {
			format
			migration
			migratedForward
			rows
			sequence
			sizeBytes
			takenAt
			tables {
				table
				rows
				currentRows
			}
		}
	}
`);

/** What a restore answers, from a file or to a point: the restore dialog shows it the same way. */
export const RestoreResultFields = graphql(`
	fragment RestoreResultFields on RestoreResult {
		restoredAt
		replayed
		sequence
		report {
			rows
			sequence
		}
		safetyBackup {
			id
			fileName
		}
	}
`);

export const RestoreBackupDoc = graphql(`
	mutation RestoreBackup($file: File!) {
		restoreBackup(file: $file) {
			...RestoreResultFields
		}
	}
`);

export const RestoreToPointDoc = graphql(`
	mutation RestoreToPoint($backupId: ID!, $sequence: Int, $at: DateTime) {
		restoreToPoint(backupId: $backupId, sequence: $sequence, at: $at) {
			...RestoreResultFields
		}
	}
`);

export const JournalEndDoc = graphql(`
	query JournalEnd {
		journalStatus {
			enabled
			lastSequence
		}
	}
`);

export const DeletedRowsDoc = graphql(`
	query DeletedRows($model: String, $first: Int, $after: String) {
		deletedRows(model: $model, first: $first, after: $after) {
			nodes {
				sequence
				model
				recordId
				deletedAt
				actorLabel
				values
			}
			hasMore
			endCursor
		}
	}
`);

export const RestoreDeletedDoc = graphql(`
	mutation RestoreDeleted($model: String!, $recordId: String!) {
		restoreDeleted(model: $model, recordId: $recordId) {
			id
			sequence
		}
	}
`);
