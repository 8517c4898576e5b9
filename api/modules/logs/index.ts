import "./log-entry.js";
import "./logs-query.js";
import "./subscriptions.js";
