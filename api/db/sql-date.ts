/** The text form Prisma writes for DateTime columns in SQLite, so raw SQL compares and sorts with Prisma's rows. */
export const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
