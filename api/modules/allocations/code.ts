// The legacy allocation code PRICE_CURRENCY__SIZE, e.g. 0.1_GHS__100MB (0.10 GHS, 100 MB).
// Price: major units without trailing zeros. Size: whole GB when divisible by 1024 MB.

export function legacyPrice(priceMinor: number): string {
  const whole = Math.floor(priceMinor / 100);
  const cents = priceMinor % 100;
  if (cents === 0) return String(whole);
  return `${whole}.${String(cents).padStart(2, "0").replace(/0$/, "")}`;
}

export function legacySize(dataLimitMb: number | null | undefined): string {
  if (dataLimitMb === null || dataLimitMb === undefined) return "UNLIMITED";
  return dataLimitMb % 1024 === 0 ? `${dataLimitMb / 1024}GB` : `${dataLimitMb}MB`;
}

export function allocationCode(a: { priceMinor: number; currency: string; dataLimitMb?: number | null }): string {
  return `${legacyPrice(a.priceMinor)}_${a.currency}__${legacySize(a.dataLimitMb)}`;
}
