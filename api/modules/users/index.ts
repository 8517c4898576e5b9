import "./user.js";
import "./session.js";
import "./api-key.js";
