import "./outbox.js";
