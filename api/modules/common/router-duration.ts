import { z } from "zod";

/** RouterOS durations: 30m, 1d, 1w2d3h, or hh:mm:ss (a bundle's uptime limit, an imported voucher's). */
export const routerDuration = z
  .string()
  .trim()
  .regex(/^(?=\d)(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?$|^\d{1,3}:\d{2}:\d{2}$/, "Use a RouterOS duration such as 30m, 12h, 1d or 1w2d");
