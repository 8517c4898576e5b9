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
