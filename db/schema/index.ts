export * from "./enums";
export * from "./organisations";
export * from "./auth";
export * from "./clients";
export * from "./sessions";
export * from "./documents";
export * from "./notifications";
export * from "./audit";
