// Ghanaian phone numbers: accept 0XXXXXXXXX, 233XXXXXXXXX and +233 XX XXX XXXX; store 0XXXXXXXXX.
import { badInput } from "../../core/errors.js";

export type Network = "MTN" | "TELECEL" | "AIRTELTIGO";

const prefixes: Record<string, Network> = {
  "024": "MTN", "025": "MTN", "053": "MTN", "054": "MTN", "055": "MTN", "059": "MTN",
  "020": "TELECEL", "050": "TELECEL",
  "026": "AIRTELTIGO", "027": "AIRTELTIGO", "056": "AIRTELTIGO", "057": "AIRTELTIGO",
};

export function normalizePhone(input: string, field = "phoneNumber"): { number: string; network: Network } {
  const compact = input.replace(/[\s\-().]/g, "");
  let local: string | null = null;
  if (/^0\d{9}$/.test(compact)) local = compact;
  else if (/^\+?233\d{9}$/.test(compact)) local = `0${compact.slice(compact.length - 9)}`;
  if (!local) {
    throw badInput("This is not a Ghanaian phone number: use 0XXXXXXXXX, 233XXXXXXXXX or +233 XX XXX XXXX", field);
  }
  const network = prefixes[local.slice(0, 3)];
  if (!network) {
    throw badInput(`This number starts with ${local.slice(0, 3)}, which is not an MTN, Telecel or AirtelTigo prefix`, field);
  }
  return { number: local, network };
}

