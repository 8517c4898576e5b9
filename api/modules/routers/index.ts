import "./router.js";
