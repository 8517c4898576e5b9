// The shop's calendar for other modules (the cash-up's days), from the same zone model the
// dashboard buckets with, so a day means the same hours on both pages.
import { modelFor } from "./install.js";
import { addDays, dayStart } from "./zone.js";

/** The first instant of a local date ("YYYY-MM-DD") in the zone: midnight, or the hour a clock change skips to. */
export const shopDayStart = (zone: string, date: string): Date => new Date(dayStart(modelFor(zone), date) * 1000);

/** Calendar arithmetic on "YYYY-MM-DD" dates. */
export const addLocalDays = addDays;
