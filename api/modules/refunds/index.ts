import "./refund.js";
