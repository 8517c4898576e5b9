// cuid-shaped ids (c + time + counter + random, lower-case base 36, 25 characters) for rows
// written with raw SQL: they pass idOf's raw-id check and sort in creation order, like the
// ids Prisma's @default(cuid()) gives, so raw and Prisma rows mix under ORDER BY createdAt, id.
import { randomInt } from "node:crypto";

let counter = randomInt(36 ** 4);
const base36 = (n: number, width: number) => n.toString(36).padStart(width, "0").slice(-width);
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  let rand = "";
  for (let i = 0; i < 3; i++) rand += base36(randomInt(36 ** 4), 4);
  return `c${base36(Date.now(), 8)}${base36(counter, 4)}${rand}`;
}
