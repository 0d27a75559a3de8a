/** Limits shared by the forms (client code) and the server's schemas: no imports, so no server code reaches the browser. */
export const MIN_EMERGENCY_REASON_LENGTH = 10;
export const MIN_EMERGENCY_HOURS = 1;
export const MAX_EMERGENCY_HOURS = 24;
