// Admin pages render in the browser only: auth is a cookie the client already sends.
export const ssr = false;
