import "./voucher.js";
import "./generate.js";
import "./import.js";
