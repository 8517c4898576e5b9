import "./transaction.js";
import "./notification.js";
import "./transactions-query.js";
import "./app-info.js";
import "./export-route.js";
