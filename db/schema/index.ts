export * from "./enums";
export * from "./geography";
export * from "./users";
export * from "./organisation";
export * from "./catalogue";
export * from "./cmdb";
export * from "./tickets";
export * from "./routing";
