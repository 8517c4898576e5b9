import "./allocation.js";
