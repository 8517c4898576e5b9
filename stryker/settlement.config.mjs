import { strykerConfig } from "./base.mjs";

// Where a silent bug pays a sale twice or gives two buyers one voucher.
export default strykerConfig("settlement", ["api/modules/sales/settle.ts", "api/modules/sales/reserve.ts"]);
